// EvaluateCode, offline: runs one handler of APPSYNC_JS code against a context
// and answers in the shape of `aws appsync evaluate-code` (API_EvaluateCode.html):
//   { evaluationResult: "<JSON>", error?: { message, codeErrors? }, logs: [...], stash: "<JSON>", outErrors?: "<JSON>" }
// The code is validated first, as the service does, and runs in a fresh realm.
import { bundleCodeWithMap } from './declaration/bundle.ts';
import type { Context } from './runtime/context.ts';
import { runHandler } from './runtime/handler.ts';
import { newInvocation } from './runtime/invocation.ts';
import { WORKER_HEAP_MB } from './runtime/runaway/pool.ts';
import { CodeLoadError, createRealm, loadCode, type FieldRunParts } from './runtime/sandbox.ts';
import { validateCode, type CodeError } from './runtime/validation/index.ts';

export type EvaluateCodeInput = {
  /** The module's code (bundled JavaScript, as AppSync would be given it). */
  code: string;
  /** Which handler to run. */
  function: 'request' | 'response';
  /** The context, as an object or as the JSON text `--context` takes. */
  context: string | EvaluationContext;
  /** Only APPSYNC_JS 1.0.0 exists. */
  runtime?: { name: string; runtimeVersion: string };
  /** The bundle's source map: errors and logs then point into the TypeScript source. */
  map?: string;
  /** How the code is named in errors and logs (default `code.js`, as in EvaluateCode). */
  name?: string;
  /** Time limit for the handler, in ms (default 30 s, AppSync's request limit). */
  timeLimitMs?: number;
};

/** What a context may hold (resolver-context-reference-js.html); every key is optional. */
export type EvaluationContext = Partial<{
  arguments: Record<string, unknown>;
  args: Record<string, unknown>;
  source: unknown;
  result: unknown;
  error: { message: string; type: string };
  identity: unknown;
  stash: Record<string, unknown>;
  prev: { result: unknown };
  request: { headers?: Record<string, string>; domainName?: string | null };
  info: { fieldName?: string; parentTypeName?: string; variables?: Record<string, unknown>; selectionSetList?: string[]; selectionSetGraphQL?: string };
  env: Record<string, string>;
}>;

export type EvaluateCodeErrorDetail = {
  message: string;
  codeErrors?: { errorType: string; value: string; location: { line: number; column: number; span: number } }[];
};

export type EvaluateCodeOutput = {
  evaluationResult?: string;
  error?: EvaluateCodeErrorDetail;
  logs: string[];
  stash?: string;
  outErrors?: string;
};

/** Refused before anything runs, as the API refuses a request (BadRequestException). */
export class EvaluateCodeRequestError extends Error {
  override name = 'BadRequestException';
}

const validated = new Map<string, CodeError[]>();

export function evaluateCode(input: EvaluateCodeInput): EvaluateCodeOutput {
  const runtime = input.runtime ?? { name: 'APPSYNC_JS', runtimeVersion: '1.0.0' };
  if (runtime.name !== 'APPSYNC_JS' || runtime.runtimeVersion !== '1.0.0') {
    throw new EvaluateCodeRequestError(`Unsupported runtime ${runtime.name} ${runtime.runtimeVersion}: only APPSYNC_JS 1.0.0 exists`);
  }
  if (input.function !== 'request' && input.function !== 'response') {
    throw new EvaluateCodeRequestError(`function must be request or response, not ${JSON.stringify(input.function)}`);
  }
  const context = parseContext(input.context);
  const name = input.name ?? 'code.js';

  const key = `${name}\0${input.code}`;
  let codeErrors = validated.get(key);
  if (!codeErrors) validated.set(key, (codeErrors = validateCode({ code: input.code, name, map: input.map })));
  if (codeErrors.length) {
    return {
      error: {
        message: 'The code contains one or more errors.',
        codeErrors: codeErrors.map(({ errorType, value, location }) => ({ errorType, value, location })),
      },
      logs: [],
    };
  }

  const realm = createRealm();
  let module;
  try {
    module = loadCode(realm, input.code, name, { bundleMap: input.map, name });
  } catch (error) {
    if (error instanceof CodeLoadError) return { error: { message: error.message }, logs: [] };
    throw error;
  }
  const info = context.info ?? {};
  const invocation = newInvocation({
    typeName: info.parentTypeName ?? 'Query',
    fieldName: info.fieldName ?? 'field',
    deadline: Date.now() + (input.timeLimitMs ?? 30_000),
  });
  const parts: FieldRunParts = {
    args: context.arguments ?? context.args ?? {},
    source: context.source ?? null,
    identity: context.identity ?? null,
    headers: context.request?.headers ?? {},
    domainName: context.request?.domainName ?? null,
    env: context.env ?? {},
    fieldName: info.fieldName ?? 'field',
    parentTypeName: info.parentTypeName ?? 'Query',
    variables: info.variables ?? {},
  };
  const run = realm.internals.fieldRun(parts, () => info.selectionSetList ?? [], () => info.selectionSetGraphQL ?? '');
  // The stash given in the context is the one the handler sees and changes.
  const stash = (run as unknown as { stash: Record<string, unknown> }).stash;
  Object.assign(stash, realm.internals.toRealm(context.stash ?? {}));
  const ctx = realm.internals.handlerContext(
    run,
    context.prev?.result ?? null,
    'result' in context,
    context.result,
    context.error,
  ) as Context;

  // No worker to move to and no worker's heap limit: the handler may grow the heap by what a served one's worker holds.
  const outcome = runHandler(module, input.function, ctx, invocation, WORKER_HEAP_MB * 1024 * 1024);
  const output: EvaluateCodeOutput =
    outcome.kind === 'error'
      ? { error: { message: outcome.error.message }, logs: invocation.logs }
      : { evaluationResult: JSON.stringify(outcome.value ?? null), logs: invocation.logs };
  output.stash = JSON.stringify(stash);
  if (invocation.errors.length) output.outErrors = JSON.stringify(invocation.errors);
  return output;
}

/** Bundles a TypeScript (or JavaScript) resolver file as the deployment does, then evaluates it. */
export function evaluateFile(input: Omit<EvaluateCodeInput, 'code' | 'map' | 'name'> & { file: string }): EvaluateCodeOutput {
  const { code, map } = bundleCodeWithMap(input.file);
  return evaluateCode({ ...input, code, map, name: input.file });
}

function parseContext(context: string | EvaluationContext): EvaluationContext {
  if (typeof context !== 'string') return context;
  let parsed: unknown;
  try {
    parsed = JSON.parse(context);
  } catch (error) {
    throw new EvaluateCodeRequestError(`context is not valid JSON: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new EvaluateCodeRequestError('context must be a JSON object');
  return parsed as EvaluationContext;
}
