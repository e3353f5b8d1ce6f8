// Runs APPSYNC_JS code in a realm of its own: its own intrinsics, none of Node's
// globals, and only the built-ins AppSync offers. A module is compiled once and
// its handlers are plain functions after that.
import vm from 'node:vm';
import { transformSync } from 'esbuild';
import { activeInvocation } from './invocation.ts';
import * as dynamodbModule from './modules/dynamodb.ts';
import * as utilsModule from './modules/utils.ts';

export type Handler = (ctx: unknown) => unknown;
export type CodeModule = { file: string; code: string; request?: Handler; response?: Handler };

const MODULES: Record<string, unknown> = {
  '@aws-appsync/utils': utilsModule,
  '@aws-appsync/utils/dynamodb': dynamodbModule,
};

// Run inside the realm once: strip what AppSync's runtime does not have.
const SETUP = `"use strict";
(() => {
  const g = globalThis;
  for (const name of ['eval', 'WebAssembly', 'SharedArrayBuffer', 'Atomics', 'FinalizationRegistry', 'WeakRef',
    'Proxy', 'Reflect', 'Intl', 'Promise', 'queueMicrotask', 'escape', 'unescape']) delete g[name];
  const M = g.Math;
  Object.defineProperty(g, 'Math', { value: Object.freeze({ random: M.random, min: M.min, max: M.max,
    round: M.round, floor: M.floor, ceil: M.ceil }), writable: false, enumerable: false, configurable: false });
  const parse = g.JSON.parse, stringify = g.JSON.stringify;
  // AppSync's JSON.parse answers invalid text with an empty string instead of throwing.
  Object.defineProperty(g, 'JSON', { value: Object.freeze({ stringify,
    parse(text, reviver) { try { return parse(text, reviver); } catch { return ''; } } }),
    writable: false, enumerable: false, configurable: false });
})();`;

export type Realm = { context: vm.Context };

export function createRealm(): Realm {
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  vm.runInContext(SETUP, context);
  const log = (level: 'log' | 'error') => (...args: unknown[]) => {
    const line = args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
    activeInvocation().logs.push(level === 'error' ? `ERROR ${line}` : line);
  };
  Object.defineProperty(context, 'console', { value: Object.freeze({ log: log('log'), error: log('error') }) });
  for (const [name, value] of Object.entries(utilsModule)) Object.defineProperty(context, name, { value });
  return { context };
}

export class CodeLoadError extends Error {
  override name = 'CodeLoadError';
}

/** Compiles a bundled APPSYNC_JS module into the realm. */
export function loadCode(realm: Realm, code: string, file: string): CodeModule {
  let cjs: string;
  try {
    cjs = transformSync(code, { format: 'cjs', loader: 'js', sourcefile: file, target: 'es2020', logLevel: 'silent' }).code;
  } catch (error) {
    throw new CodeLoadError(`${file}: ${(error as Error).message}`);
  }
  const script = new vm.Script(`(function (exports, require, module) {${cjs}\n})`, { filename: file });
  const factory = script.runInContext(realm.context) as (e: object, r: (n: string) => unknown, m: object) => void;
  const module = { exports: {} as Record<string, unknown> };
  factory(module.exports, requireModule(file), module);
  const { request, response } = module.exports;
  if (request !== undefined && typeof request !== 'function') throw new CodeLoadError(`${file}: request is not a function`);
  if (response !== undefined && typeof response !== 'function') throw new CodeLoadError(`${file}: response is not a function`);
  return { file, code, request: request as Handler | undefined, response: response as Handler | undefined };
}

function requireModule(file: string) {
  return (name: string) => {
    if (name in MODULES) return MODULES[name];
    if (name === '@aws-appsync/utils/rds' || name === '@aws-appsync/utils/ai') {
      throw new CodeLoadError(`${file}: ${name} is not supported locally`);
    }
    throw new CodeLoadError(`${file}: cannot import ${name}: only @aws-appsync/utils and @aws-appsync/utils/dynamodb are available`);
  };
}
