// A TypeScript program over bundled JavaScript, for the type-aware lint rules.
// The bundles are virtual files placed beside the node_modules that holds
// @aws-appsync/utils, so imports of it resolve to its typings, as AppSync
// checks saved code against the typings it bundles. The lib files are parsed
// once per process and every later program reuses them.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type ts from 'typescript';

// TypeScript takes a second to load: only when a module has to be linted.
let typescript: typeof ts | undefined;
const load = () => (typescript ??= createRequire(import.meta.url)('typescript') as typeof ts);

const options = (ts: typeof import('typescript')): ts.CompilerOptions => ({
  allowJs: true,
  checkJs: false,
  noEmit: true,
  target: ts.ScriptTarget.ES2020,
  lib: ['lib.es2020.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
  skipLibCheck: true,
});

/** Where the virtual files live: a folder beside the node_modules holding @aws-appsync/utils. */
const VIRTUAL_ROOT = (() => {
  const utils = createRequire(import.meta.url).resolve('@aws-appsync/utils/package.json');
  return join(dirname(dirname(dirname(dirname(utils)))), '.appsync-code');
})();

const libraryFiles = new Map<string, ts.SourceFile | undefined>();
let previous: ts.Program | undefined;

export type VirtualFile = { path: string; code: string };

/** Paths of the virtual files, one per bundle, in the same order. */
export function virtualPaths(count: number, name = 'code'): string[] {
  return Array.from({ length: count }, (_, i) => join(VIRTUAL_ROOT, `${i}`, `${name.replace(/[^\w.-]/g, '_')}.js`));
}

export function createProgram(files: VirtualFile[]): ts.Program {
  const ts = load();
  const OPTIONS = options(ts);
  const virtual = new Map(files.map((file) => [file.path, file.code]));
  const host = ts.createCompilerHost(OPTIONS, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError) => {
    const code = virtual.get(name);
    if (code !== undefined) return ts.createSourceFile(name, code, language, true, ts.ScriptKind.JS);
    if (!libraryFiles.has(name)) libraryFiles.set(name, getSourceFile(name, language, onError));
    return libraryFiles.get(name);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(name) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => virtual.get(name) ?? readFile(name);
  previous = ts.createProgram([...virtual.keys()], OPTIONS, host, previous);
  return previous;
}
