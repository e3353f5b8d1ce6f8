// The Lambda runtime inside one child process: loads the bundled handler once
// (a warm execution environment), then runs one invocation at a time as the
// Node.js runtime does — async handlers, callback handlers, a context object —
// and answers each with its JSON result or Lambda's error shape. Plain
// JavaScript: the process starts outside the TypeScript loader.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

process.setSourceMapsEnabled?.(true);
const { file, exportName, functionName, memorySize, arn } = JSON.parse(process.argv[2]);
const parentPort = { postMessage: (message) => process.send(message), on: (event, listener) => process.on(event, listener) };

let handler;
let initError;
try {
  const loaded = await load(file);
  handler = loaded[exportName];
  if (typeof handler !== 'function') {
    initError = { errorType: 'Runtime.HandlerNotFound', errorMessage: `${exportName} is undefined or not exported` };
  }
} catch (error) {
  initError = errorOf(error, 'Runtime.ImportModuleError');
}

/**
 * The handler's module, as Lambda's Node.js runtime loads it: an ES module (`.mjs`, or
 * one that require() refuses, e.g. a bundle with top-level await such as Amplify
 * Gen 2's defineFunction writes) through import(), the rest through require().
 */
async function load(path) {
  if (path.endsWith('.mjs')) return import(pathToFileURL(path).href);
  try {
    return createRequire(import.meta.url)(path);
  } catch (error) {
    if (error?.code !== 'ERR_REQUIRE_ESM' && error?.code !== 'ERR_REQUIRE_ASYNC_MODULE') throw error;
    return import(pathToFileURL(path).href);
  }
}

function errorOf(thrown, fallbackType = 'Error') {
  if (thrown instanceof Error) {
    return {
      errorType: thrown.name && thrown.name !== 'Error' ? thrown.name : thrown.constructor?.name ?? fallbackType,
      errorMessage: thrown.message,
      trace: String(thrown.stack ?? '').split('\n'),
    };
  }
  // What Node's runtime answers for a thrown non-Error (a string, an object).
  return { errorType: typeof thrown, errorMessage: typeof thrown === 'string' ? thrown : JSON.stringify(thrown), trace: [] };
}

function run(event, context) {
  if (handler.length < 3) return Promise.resolve().then(() => handler(event, context));
  // A callback handler: the first of the callback or a returned promise answers.
  return new Promise((resolve, reject) => {
    const callback = (error, value) => (error ? reject(error) : resolve(value));
    const returned = handler(event, context, callback);
    if (returned && typeof returned.then === 'function') returned.then(resolve, reject);
  });
}

// As Lambda's Node.js runtime: an error thrown outside the handler's promise fails
// the invocation in progress, and the environment does not survive it.
let current;
const fatal = (error) => {
  if (current !== undefined) parentPort.postMessage({ id: current, error: errorOf(error), fatal: true });
  process.exitCode = 129;
  setImmediate(() => process.exit(129));
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', (reason) => {
  const error = errorOf(reason);
  if (current !== undefined) parentPort.postMessage({ id: current, error: { errorType: 'Runtime.UnhandledPromiseRejection', errorMessage: `${error.errorType}: ${error.errorMessage}` }, fatal: true });
  setImmediate(() => process.exit(128));
});

// Loaded: the invocation clock may start (Lambda times the init phase apart from the handler).
parentPort.postMessage({ ready: true });

parentPort.on('message', async ({ id, event, requestId, timeoutMs }) => {
  current = id;
  const deadline = Date.now() + timeoutMs;
  if (initError) return parentPort.postMessage({ id, error: initError });
  const context = {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: arn,
    memoryLimitInMB: String(memorySize),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${requestId.replace(/-/g, '')}`,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  try {
    const result = await run(event, context);
    let payload;
    try {
      payload = JSON.stringify(result === undefined ? null : result);
    } catch (error) {
      return parentPort.postMessage({ id, error: { errorType: 'Runtime.MarshalError', errorMessage: `Unable to stringify response body: ${error.message}` } });
    }
    parentPort.postMessage({ id, payload });
  } catch (error) {
    parentPort.postMessage({ id, error: errorOf(error) });
  }
});
