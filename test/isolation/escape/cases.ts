// Escape attempts from resolver code, one per way out an attacker would try.
// Each is the body of a handler that returns 'ESCAPED' (or a host value) if it
// got out, and what it is expected to get instead: a clear error, or a value
// that holds nothing of the host. They are written past the lint rules
// (computed member access: `Object['getPrototypeOf']`), so that what stops them
// is the runtime, not validation. Run through evaluateCode and through a served
// API (evaluate-code.test.ts, served.test.ts).

/** A code generator reached from resolver code: compiling a string must fail, whatever realm it belongs to. */
const CODE_GENERATION = /Code generation from strings disallowed for this context/;
const STRICT_CALLER = /'caller', 'callee', and 'arguments' properties may not be accessed/;

export type EscapeCase = {
  name: string;
  /** The body of the handler that runs the attempt. */
  body: string;
  /** Which handler: the response handler also gets ctx.result (from the data source) and ctx.error. */
  handler?: 'request' | 'response';
  /**
   * Refused before anything runs: by validation (as AppSync refuses it on save)
   * or when the runtime loads it. Either way a served API with it does not start.
   */
  refused?: 'validation' | 'load';
  /** Only unbundled (evaluateCode): esbuild, which bundles a served API's code, rewrites the name into a shim of its own. */
  unbundledOnly?: boolean;
  /** What the attempt comes to: a field error matching this, or this value. */
  expect: { error: RegExp } | { value: unknown };
};

/** `F('return process')()` for a function F reached some way: what it would give is 'ESCAPED'. */
const tryCompile = (fn: string) => `const p = (${fn})('return typeof process')(); return p === 'object' ? 'ESCAPED' : p;`;

export const ESCAPE_CASES: EscapeCase[] = [
  // Constructors of every value resolver code is given.
  { name: 'ctx.constructor.constructor', body: tryCompile('ctx.constructor.constructor'), expect: { error: CODE_GENERATION } },
  { name: 'ctx.args.constructor.constructor', body: tryCompile('ctx.args.constructor.constructor'), expect: { error: CODE_GENERATION } },
  { name: 'ctx.identity, ctx.request.headers, ctx.info, ctx.env constructors', body: `return [ctx.identity, ctx.request.headers, ctx.info, ctx.env].map((v) => v === null ? 'null' : v.constructor === Object ? 'realm Object' : 'OTHER');`, expect: { value: ['null', 'realm Object', 'realm Object', 'realm Object'] } },
  { name: 'ctx.stash.constructor.constructor', body: tryCompile('ctx.stash.constructor.constructor'), expect: { error: CODE_GENERATION } },
  { name: 'ctx.prev.constructor.constructor', body: tryCompile('ctx.prev.constructor.constructor'), expect: { error: CODE_GENERATION } },
  { name: 'a util function\'s constructor', body: tryCompile('util.time.nowISO8601.constructor'), expect: { error: CODE_GENERATION } },
  { name: 'util.error\'s constructor', body: tryCompile('util.error.constructor'), expect: { error: CODE_GENERATION } },
  { name: 'util itself and its namespaces', body: tryCompile('util.dynamodb.constructor.constructor'), expect: { error: CODE_GENERATION } },
  { name: 'runtime.earlyReturn\'s constructor', body: tryCompile('runtime.earlyReturn.constructor'), expect: { error: CODE_GENERATION } },
  { name: 'extensions\' constructor', body: tryCompile('extensions.constructor.constructor'), expect: { error: CODE_GENERATION } },
  { name: 'a dynamodb helper\'s constructor', body: tryCompile('ddb.get.constructor'), expect: { error: CODE_GENERATION } },
  { name: 'what a dynamodb helper returns', body: tryCompile(`ddb.get({ key: { id: 'a' } }).key.id.constructor.constructor`), expect: { error: CODE_GENERATION } },
  { name: 'what a util function returns', body: tryCompile(`JSON.parse(util.transform.toDynamoDBFilterExpression({ a: { eq: 1 } })).constructor.constructor`), expect: { error: CODE_GENERATION } },
  { name: 'console.log\'s constructor', body: tryCompile('console.log.constructor'), expect: { error: CODE_GENERATION } },
  { name: 'the module loader the compiled code is given', body: tryCompile(`__appsync$import.constructor`), expect: { error: CODE_GENERATION } },
  { name: 'the clock the compiled code is given', body: tryCompile(`__appsync$tick.constructor`), expect: { error: CODE_GENERATION } },
  { name: 'the spread measure the compiled code is given', body: tryCompile(`__appsync$spread.constructor`), expect: { error: CODE_GENERATION } },
  { name: 'the string measure the compiled code is given', body: tryCompile(`__appsync$grown.constructor`), expect: { error: CODE_GENERATION } },
  { name: 'a data source\'s result (ctx.result)', handler: 'response', body: tryCompile('ctx.result.constructor.constructor'), expect: { error: CODE_GENERATION } },
  { name: 'a data source\'s error (ctx.error)', handler: 'response', body: `return ctx.error === undefined || ctx.error.constructor === Object ? 'realm' : 'OTHER';`, expect: { value: 'realm' } },
  // Prototypes, getters and setters.
  { name: 'the prototype of ctx', body: tryCompile(`Object['getPrototypeOf'](ctx).constructor.constructor`), expect: { error: CODE_GENERATION } },
  { name: '__proto__ chains', body: tryCompile(`ctx['__proto__'].constructor.constructor`), expect: { error: CODE_GENERATION } },
  { name: 'ctx.info\'s getters', body: tryCompile(`Object['getOwnPropertyDescriptor'](Object['getPrototypeOf'](ctx.info), 'selectionSetList').get.constructor`), expect: { error: CODE_GENERATION } },
  { name: 'a getter of ctx.info called on another object', body: `const get = Object['getOwnPropertyDescriptor'](Object['getPrototypeOf'](ctx.info), 'selectionSetList').get; const o = { get }; return o.get() === undefined ? 'nothing' : 'OTHER';`, expect: { value: 'nothing' } },
  { name: 'Object.prototype.__lookupGetter__ on __proto__', body: tryCompile(`ctx['__lookupGetter__']('__proto__').constructor`), expect: { error: CODE_GENERATION } },
  // arguments.callee and caller.
  { name: 'arguments.callee', body: `function f() { return arguments['callee']; } return typeof f();`, expect: { error: STRICT_CALLER } },
  { name: 'the caller of a util function', body: `return typeof util.error['caller'];`, expect: { error: STRICT_CALLER } },
  { name: 'the caller of a built-in', body: `return typeof [].map['caller'];`, expect: { error: STRICT_CALLER } },
  // Error stacks.
  { name: 'an error\'s stack names only resolver code', body: `const stack = new Error('x').stack; return stack.indexOf('/') < 0 && stack.indexOf('node:') < 0 && stack.indexOf('appsync-code-') > 0 ? 'clean' : stack;`, expect: { value: 'clean' } },
  { name: 'Error.prepareStackTrace cannot be replaced', body: `Error['prepareStackTrace'] = (e, frames) => frames; return 'ESCAPED';`, expect: { error: /Cannot assign to read only property 'prepareStackTrace'/ } },
  { name: 'Error.captureStackTrace is not there', body: `return typeof Error['captureStackTrace'];`, expect: { value: 'undefined' } },
  { name: 'the stack formatter is no way out', body: tryCompile(`Error['prepareStackTrace'].constructor`), expect: { error: CODE_GENERATION } },
  // Proxy, Reflect and friends.
  ...['Proxy', 'Reflect', 'WebAssembly', 'SharedArrayBuffer', 'Atomics', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask',
    'process', 'Buffer', 'fetch', 'globalThis', 'global', 'eval', 'FinalizationRegistry', 'WeakRef', 'Intl',
    'ArrayBuffer', 'DataView', 'Uint8Array', 'Float64Array'].map(
    (name): EscapeCase => ({ name: `${name} is not defined`, body: `return typeof ${name};`, expect: { value: 'undefined' } }),
  ),
  ...['require', 'module'].map((name): EscapeCase => ({ name: `${name} is not defined`, body: `return typeof ${name};`, unbundledOnly: true, expect: { value: 'undefined' } })),
  { name: 'the global object cannot be written', body: `undeclaredGlobal = 1; return 'ESCAPED';`, expect: { error: /undeclaredGlobal is not defined/ } },
  // Symbol tricks: the host never calls resolver code, so these hooks never run.
  { name: 'Symbol.toPrimitive on an argument to util', body: `const o = {}; o[Symbol.toPrimitive] = (hint) => { ctx.stash.called = hint; return 'x'; }; util.urlEncode(o); return ctx.stash.called === undefined ? 'never called' : 'CALLED';`, expect: { value: 'never called' } },
  { name: 'Symbol.species on an argument to util', body: `const a = [{ x: { eq: 1 } }]; const c = {}; c[Symbol.species] = () => { ctx.stash.called = true; return {}; }; a.constructor = c; util.transform.toDynamoDBFilterExpression({ or: a }); return ctx.stash.called === undefined ? 'never called' : 'CALLED';`, expect: { value: 'never called' } },
  { name: 'Symbol.hasInstance on an argument to util', body: `const o = {}; o[Symbol.hasInstance] = () => { ctx.stash.called = true; return true; }; util.dynamodb.toDynamoDB(o); return ctx.stash.called === undefined ? 'never called' : 'CALLED';`, expect: { value: 'never called' } },
  { name: 'an own map on an array given to util: the host\'s callback never reaches it', body: `const a = [{ x: { eq: 1 } }]; a.map = (f) => { ctx.stash.called = true; const p = f.constructor('return typeof process')(); return [p === 'object' ? 'ESCAPED' : p]; }; const out = util.transform.toDynamoDBFilterExpression({ or: a }); return ctx.stash.called === undefined ? 'never called' : out;`, expect: { value: 'never called' } },
  { name: 'toJSON on a value logged', body: `const o = {}; o.toJSON = () => { ctx.stash.called = true; return 1; }; console.log(o); return ctx.stash.called === undefined ? 'never called' : 'CALLED';`, expect: { value: 'never called' } },
  { name: 'a getter on an argument runs in the realm, with nothing of the host', body: `const o = {}; Object['defineProperty'](o, 'x', { enumerable: true, get: () => { const c = ctx.stash.seen; ctx.stash.seen = true; return typeof c; } }); return util.dynamodb.toMapValues(o);`, expect: { value: { x: { S: 'undefined' } } } },
  // Functions whose constructors are other code generators.
  { name: 'an arrow function\'s constructor', body: tryCompile('(() => 1).constructor'), expect: { error: CODE_GENERATION } },
  { name: 'async functions cannot be made', refused: 'validation', body: `const f = async () => 1; return 'ESCAPED';`, expect: { error: /async/i } },
  { name: 'generators cannot be made', refused: 'load', body: `const f = function* () {}; return 'ESCAPED';`, expect: { error: /generator/ } },
  { name: 'import() is refused', refused: 'validation', body: `return import('@aws-appsync/utils');`, expect: { error: /import/ } },
  { name: 'import.meta is refused', refused: 'validation', body: `return import.meta;`, expect: { error: /import/ } },
  { name: 'Function.prototype.call on a util function reaches the same wrapper', body: `return util['error']['call'].constructor === Function ? 'realm' : 'OTHER';`, expect: { value: 'realm' } },
  // Shared state a request could read from another.
  { name: 'RegExp keeps no last match', body: `new RegExp('(s)ecret').exec('secret'); return [typeof RegExp['$1'], typeof RegExp['lastMatch'], typeof RegExp['input']];`, expect: { value: ['undefined', 'undefined', 'undefined'] } },
];

/** The module a case runs in: its body as the request handler, or as the response handler after a NONE round trip. */
export function caseModule(c: EscapeCase): string {
  const request = c.handler === 'response' ? `return { payload: { a: [1] } };` : c.body;
  const response = c.handler === 'response' ? c.body : 'return ctx.result;';
  return `import { util, runtime, extensions } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
export function request(ctx) {
  ${request}
}
export function response(ctx) {
  ${response}
}
`;
}
