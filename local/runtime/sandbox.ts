// Runs APPSYNC_JS code in a realm of its own (node:vm): its own intrinsics, none
// of Node's globals, only the built-ins AppSync offers. A module is compiled once;
// its handlers are plain functions of the realm after that.
//
// Nothing of the host realm is ever handed to resolver code. A host object would
// lead back to the host's Function (`ctx.constructor.constructor('return process')()`),
// so every value crosses the boundary as a copy made of the realm's own objects,
// and every host function (util.*, the dynamodb helpers, console) is reached
// through a function of the realm that calls it, copies its result in, and turns
// its signals (util.error, runtime.earlyReturn) into an inert token. The realm
// cannot compile strings (codeGeneration.strings: false), so its own Function is
// no way out either.
import vm from 'node:vm';
import { compileModule, CompileError } from './compile.ts';
import { currentInvocation, type Invocation } from './invocation.ts';
import * as dynamodbModule from './modules/dynamodb.ts';
import * as utilsModule from './modules/utils.ts';
import { frameIn, SourcePositions, type Position } from './positions.ts';
import { EarlyReturn, ExecutionTimeout, ResolverError } from './signals.ts';

export type Handler = (ctx: unknown) => unknown;

export type CodeModule = {
  /** The source file (or `code.js` for evaluate-code). */
  file: string;
  /** The bundled module, as AppSync would be given it. */
  code: string;
  request?: Handler;
  response?: Handler;
  positions: SourcePositions;
  realm: Realm;
};

/** Realm-side helpers, callable from the host. Their arguments may be host values: they copy them in. */
type Internals = {
  toRealm(value: unknown): unknown;
  expose(tree: object): object;
  fieldRun(parts: FieldRunParts, selectionSetList: () => unknown, selectionSetGraphQL: () => unknown): RealmFieldRun;
  handlerContext(run: RealmFieldRun, prev: unknown, hasResult: boolean, result: unknown, error: unknown): unknown;
  importer(table: object): (specifier: string) => object | undefined;
  signal: object;
  tick: () => void;
};

export type FieldRunParts = {
  args: unknown;
  source: unknown;
  identity: unknown;
  headers: unknown;
  domainName: string | null;
  env: unknown;
  fieldName: string;
  parentTypeName: string;
  variables: unknown;
};

/** The realm's ctx parts shared by every handler of one field (an opaque realm object). */
export type RealmFieldRun = { readonly __realmFieldRun: unique symbol };

export type Realm = {
  context: vm.Context;
  internals: Internals;
  /** Module specifier → the realm's copy of it. */
  modules: Map<string, object>;
  /** The realm's function that resolves imports (a host function would leak the host's Function). */
  importer: (specifier: string) => object | undefined;
  /** Script name → module, to place stack frames and console calls. */
  scripts: Map<string, CodeModule>;
  /** The deadline of the request in progress, read by the clock inside the realm. */
  clock: { deadline: number };
};

export const PROVIDED_MODULES: Record<string, object> = {
  '@aws-appsync/utils': utilsModule,
  '@aws-appsync/utils/dynamodb': dynamodbModule,
};
export const UNSUPPORTED_MODULES = new Set(['@aws-appsync/utils/rds', '@aws-appsync/utils/ai']);

// Run inside the realm once. Takes the host bridge, strips what AppSync's runtime
// does not have, and returns the helpers the host uses to build values there.
const SETUP = `(function (bridge) {
  "use strict";
  const g = globalThis;
  const { create, defineProperty, freeze, getPrototypeOf, keys, hasOwn } = Object;
  const isArray = Array.isArray;
  const ObjectProto = Object.prototype, ArrayProto = Array.prototype;
  const RealmError = Error, RealmTypeError = TypeError;
  const now = Date.now;
  const call = bridge.call, clock = bridge.clock, timeout = bridge.timeout;
  const SIGNAL = freeze(create(null));

  for (const name of ['eval', 'WebAssembly', 'SharedArrayBuffer', 'Atomics', 'FinalizationRegistry', 'WeakRef',
    'Proxy', 'Reflect', 'Intl', 'Promise', 'queueMicrotask', 'escape', 'unescape', 'AsyncIterator', 'Iterator']) delete g[name];
  // Date stays (the lint rules deny its setters and locale methods, so AppSync has one), without those.
  for (const name of ['setDate', 'setFullYear', 'setHours', 'setMilliseconds', 'setMinutes', 'setMonth', 'setSeconds',
    'setTime', 'setUTCDate', 'setUTCFullYear', 'setUTCHours', 'setUTCMilliseconds', 'setUTCMinutes', 'setUTCMonth',
    'setUTCSeconds', 'setYear', 'toGMTString', 'toLocaleDateString', 'toLocaleString', 'toLocaleTimeString']) delete Date.prototype[name];
  // Stack frames are ours to read: resolver code may not install a stack formatter (it would see CallSites).
  defineProperty(Error, 'prepareStackTrace', { value: undefined, writable: false, configurable: false });
  delete Error.captureStackTrace;
  const M = Math;
  defineProperty(g, 'Math', { value: freeze({ random: M.random, min: M.min, max: M.max, round: M.round, floor: M.floor,
    ceil: M.ceil }), writable: false, enumerable: false, configurable: false });
  const parse = JSON.parse, stringify = JSON.stringify;
  // AppSync's JSON.parse answers invalid text with an empty string instead of throwing (supported-features.html).
  defineProperty(g, 'JSON', { value: freeze({ stringify,
    parse(text, reviver) { try { return parse(text, reviver); } catch { return ''; } } }),
    writable: false, enumerable: false, configurable: false });

  function toRealm(v) {
    if (typeof v !== 'object' || v === null) return typeof v === 'function' ? undefined : v;
    const proto = getPrototypeOf(v);
    if (proto === ObjectProto || proto === ArrayProto) return v;
    if (isArray(v)) {
      const out = [];
      for (let i = 0; i < v.length; i++) out[i] = toRealm(v[i]);
      return out;
    }
    const out = {};
    const names = keys(v);
    for (let i = 0; i < names.length; i++) out[names[i]] = toRealm(v[names[i]]);
    return out;
  }

  function settle(r) {
    if (r.k === 0) return toRealm(r.v);
    if (r.k === 1) throw SIGNAL;
    throw new (r.t === 'TypeError' ? RealmTypeError : RealmError)(r.m);
  }

  function wrap(fn, name) {
    const f = function (...args) { return settle(call(fn, args)); };
    defineProperty(f, 'name', { value: name });
    return f;
  }

  function expose(tree) {
    const out = {};
    const names = keys(tree);
    for (let i = 0; i < names.length; i++) {
      const v = tree[names[i]];
      out[names[i]] = typeof v === 'function' ? wrap(v, names[i]) : v && typeof v === 'object' ? expose(v) : v;
    }
    return freeze(out);
  }

  // info's selectionSetList/selectionSetGraphQL: computed on first read, and not
  // enumerable (JSON.stringify leaves them out). Getters on a shared prototype cost
  // less per field than two accessor properties of its own.
  const infoThunks = new WeakMap();
  const infoValues = new WeakMap();
  function infoGetter(index) {
    return function () {
      let values = infoValues.get(this);
      if (!values) infoValues.set(this, (values = [undefined, undefined, false, false]));
      if (!values[index + 2]) {
        const thunks = infoThunks.get(this);
        values[index] = thunks ? settle(call(thunks[index], [])) : undefined;
        values[index + 2] = true;
      }
      return values[index];
    };
  }
  const InfoProto = create(ObjectProto, {
    selectionSetList: { get: infoGetter(0), enumerable: false, configurable: false },
    selectionSetGraphQL: { get: infoGetter(1), enumerable: false, configurable: false },
  });

  function fieldRun(p, selectionSetList, selectionSetGraphQL) {
    const args = toRealm(p.args);
    const info = create(InfoProto);
    info.fieldName = p.fieldName;
    info.parentTypeName = p.parentTypeName;
    info.variables = toRealm(p.variables);
    infoThunks.set(info, [selectionSetList, selectionSetGraphQL]);
    return { arguments: args, args, source: toRealm(p.source), stash: {}, identity: toRealm(p.identity),
      request: { headers: toRealm(p.headers), domainName: p.domainName }, info, env: freeze(toRealm(p.env)) };
  }

  function handlerContext(run, prev, hasResult, result, error) {
    const ctx = { arguments: run.arguments, args: run.args, source: run.source, identity: run.identity,
      stash: run.stash, prev: { result: toRealm(prev) }, info: run.info, request: run.request, env: run.env };
    if (hasResult) ctx.result = toRealm(result);
    if (error) ctx.error = toRealm(error);
    return ctx;
  }

  let ticks = 0;
  function tick() {
    if ((++ticks & 127) === 0 && now() > clock.deadline) { timeout(); throw SIGNAL; }
  }

  function importer(table) {
    return function (specifier) { return hasOwn(table, specifier) ? table[specifier] : undefined; };
  }

  return { toRealm, expose, fieldRun, handlerContext, importer, signal: SIGNAL, tick };
})`;

type Settled = { k: 0; v: unknown } | { k: 1 } | { k: 2; t: string; m: string };
const SIGNALLED: Settled = Object.freeze({ k: 1 });

/** Calls a host function for the realm: never throws, whatever the function does. */
function callForRealm(fn: (...args: unknown[]) => unknown, args: unknown[]): Settled {
  try {
    return { k: 0, v: fn(...args) };
  } catch (thrown) {
    const invocation = currentInvocation();
    if (invocation && (thrown instanceof ResolverError || thrown instanceof EarlyReturn)) {
      invocation.signal = thrown;
      return SIGNALLED;
    }
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { k: 2, t: thrown instanceof TypeError ? 'TypeError' : 'Error', m: message };
  }
}

export function createRealm(): Realm {
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  const clock = { deadline: Infinity };
  const bridge = {
    call: callForRealm,
    clock,
    timeout: () => {
      const invocation = currentInvocation();
      if (invocation) invocation.signal = new ExecutionTimeout();
    },
  };
  const setup = vm.runInContext(SETUP, context, { filename: 'appsync-runtime:setup' }) as (b: typeof bridge) => Internals;
  const internals = setup(bridge);
  const modules = new Map<string, object>();
  const table = internals.toRealm({}) as Record<string, object>;
  for (const [name, module] of Object.entries(PROVIDED_MODULES)) {
    modules.set(name, internals.expose(module));
    table[name] = modules.get(name)!;
  }
  const realm: Realm = { context, internals, modules, importer: internals.importer(table), scripts: new Map(), clock };

  const utils = realm.modules.get('@aws-appsync/utils') as Record<string, unknown>;
  for (const name of ['util', 'extensions', 'runtime']) {
    Object.defineProperty(context, name, { value: utils[name], writable: false, enumerable: false, configurable: false });
  }
  const console = internals.expose({ log: logger(realm, 'INFO'), error: logger(realm, 'ERROR') });
  Object.defineProperty(context, 'console', { value: console, writable: false, enumerable: false, configurable: false });
  return realm;
}

/**
 * console.log/console.error, in the shape EvaluateCode returns them:
 * `INFO - code.js:5:3: "current id" "record-id"` — each argument as JSON, spaces
 * between (devguide/test-resolvers.html). `ERROR - ` for console.error.
 */
function logger(realm: Realm, level: 'INFO' | 'ERROR') {
  return (...args: unknown[]) => {
    const invocation = currentInvocation();
    if (!invocation) return;
    const where = callerPosition(realm, new Error().stack, { callStart: true });
    const text = args.map((arg) => (arg === undefined ? 'undefined' : JSON.stringify(arg))).join(' ');
    invocation.logs.push(`${level} - ${where ? `${where.file}:${where.line}:${where.column}: ` : ''}${text}`);
  };
}

/** Where in the user's code the innermost frame of one of the realm's modules is. */
export function callerPosition(realm: Realm, stack: string | undefined, options?: { callStart?: boolean }): Position | undefined {
  if (!stack) return undefined;
  // The innermost frame of user code is the first line of the stack that names one of the realm's scripts.
  let best: { index: number; module: CodeModule; frame: { line: number; column: number } } | undefined;
  for (const [scriptName, module] of realm.scripts) {
    const index = stack.indexOf(scriptName + ':');
    if (index < 0 || (best && best.index < index)) continue;
    const frame = frameIn(stack.slice(index - 1), scriptName);
    if (frame) best = { index, module, frame };
  }
  return best && best.module.positions.fromScript(best.frame.line, best.frame.column, options);
}

export class CodeLoadError extends Error {
  override name = 'CodeLoadError';
  constructor(
    message: string,
    readonly position?: Position,
  ) {
    super(message);
  }
}

export type LoadOptions = {
  /** The bundle's source map (esbuild's, v3 JSON), to report positions in the TypeScript source. */
  bundleMap?: string;
  /** What the code is called in messages when no source map says better (default: `file`). */
  name?: string;
};

let scriptCount = 0;

/** Compiles a bundled APPSYNC_JS module into the realm and runs its top level once. */
export function loadCode(realm: Realm, code: string, file: string, options: LoadOptions = {}): CodeModule {
  const name = options.name ?? file;
  let compiled;
  try {
    compiled = compileModule(code, name);
  } catch (error) {
    if (error instanceof CompileError) {
      throw new CodeLoadError(`${name}:${error.line}:${error.column}: ${error.message}`, { file: name, line: error.line, column: error.column });
    }
    throw error;
  }
  const scriptName = `appsync-code-${++scriptCount}.js`;
  const positions = new SourcePositions(name, compiled.map, options.bundleMap, compiled.callStarts);
  const module: CodeModule = { file, code, positions, realm };
  realm.scripts.set(scriptName, module);
  for (const specifier of compiled.imports) {
    if (UNSUPPORTED_MODULES.has(specifier)) throw new CodeLoadError(`${name}: ${specifier} is not supported locally`);
    if (!realm.modules.has(specifier)) {
      throw new CodeLoadError(`${name}: cannot import ${specifier}: only @aws-appsync/utils and @aws-appsync/utils/dynamodb are available`);
    }
  }
  const factory = new vm.Script(compiled.source, { filename: scriptName }).runInContext(realm.context) as (
    load: (specifier: string) => object | undefined,
    exports: Record<string, unknown>,
    tick: () => void,
  ) => void;
  const exports = realm.internals.toRealm({}) as Record<string, unknown>;
  try {
    factory(realm.importer, exports, realm.internals.tick);
  } catch (error) {
    const shaped = typeof error === 'object' && error !== null ? (error as { message?: unknown; stack?: unknown }) : {};
    const where = callerPosition(realm, typeof shaped.stack === 'string' ? shaped.stack : undefined);
    const message = 'message' in shaped ? String(shaped.message) : String(error);
    throw new CodeLoadError(`${where ? `${where.file}:${where.line}:${where.column}` : name}: ${message}`, where);
  }
  const { request, response } = exports;
  if (request !== undefined && typeof request !== 'function') throw new CodeLoadError(`${name}: request is not a function`);
  if (response !== undefined && typeof response !== 'function') throw new CodeLoadError(`${name}: response is not a function`);
  module.request = request as Handler | undefined;
  module.response = response as Handler | undefined;
  return module;
}
