// Bundles resolver and function code into the single ES module AppSync accepts:
// everything inlined but @aws-appsync/*, which the runtime provides. The local
// runtime runs these very strings and the deployment uploads them. Code that comes
// bundled already (a template's) is taken as it is.
import { buildSync } from 'esbuild';
import type { ApiDeclaration } from './declaration.ts';

export type CodeBundles = {
  /** Bundled code by source path. */
  byFile: Map<string, string>;
  /** Source map of each bundle by source path, for errors placed in the TypeScript source. */
  maps: Map<string, string>;
  /** By field and by function name; direct Lambda resolvers and functions have no code and no entry. */
  resolvers: Record<string, string>;
  functions: Record<string, string>;
};

export function bundleCode(file: string): string {
  return bundleCodeWithMap(file).code;
}

/** The bundle and its source map (kept apart: the code AppSync is given carries none). */
export function bundleCodeWithMap(file: string): { code: string; map: string } {
  const result = buildSync({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2020',
    external: ['@aws-appsync/*'],
    sourcemap: 'external',
    outfile: 'code.js',
    minify: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = (suffix: string) => result.outputFiles.find((f) => f.path.endsWith(suffix))!.text;
  return { code: output('code.js'), map: output('code.js.map') };
}

export function bundleApi(api: ApiDeclaration): CodeBundles {
  const byFile = new Map<string, string>();
  const maps = new Map<string, string>();
  const bundled = (file: string, ready?: string) => {
    let code = byFile.get(file);
    if (code === undefined && ready !== undefined) byFile.set(file, (code = ready));
    if (code === undefined) {
      const bundle = bundleCodeWithMap(file);
      byFile.set(file, (code = bundle.code));
      maps.set(file, bundle.map);
    }
    return code;
  };
  // A direct Lambda resolver or function has no code: nothing to bundle.
  const withCode = <T extends { code?: string; ready?: string }>(entries: Record<string, T>) =>
    Object.fromEntries(Object.entries(entries).flatMap(([key, entry]) => (entry.code ? [[key, bundled(entry.code, entry.ready)]] : [])));
  const resolvers = withCode(api.resolvers);
  const functions = withCode(api.functions);
  return { byFile, maps, resolvers, functions };
}
