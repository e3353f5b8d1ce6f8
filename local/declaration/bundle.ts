// Bundles resolver and function code into the single ES module AppSync accepts:
// everything inlined but @aws-appsync/*, which the runtime provides. The local
// runtime runs these very strings and the deployment uploads them.
import { buildSync } from 'esbuild';
import type { ApiDeclaration } from './declaration.ts';

export type CodeBundles = {
  /** Bundled code by source path. */
  byFile: Map<string, string>;
  resolvers: Record<string, string>;
  functions: Record<string, string>;
};

export function bundleCode(file: string): string {
  const result = buildSync({
    entryPoints: [file],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2020',
    external: ['@aws-appsync/*'],
    sourcemap: false,
    minify: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export function bundleApi(api: ApiDeclaration): CodeBundles {
  const byFile = new Map<string, string>();
  const bundled = (file: string) => {
    let code = byFile.get(file);
    if (code === undefined) byFile.set(file, (code = bundleCode(file)));
    return code;
  };
  const resolvers = Object.fromEntries(Object.entries(api.resolvers).map(([field, r]) => [field, bundled(r.code)]));
  const functions = Object.fromEntries(Object.entries(api.functions).map(([name, f]) => [name, bundled(f.code)]));
  return { byFile, resolvers, functions };
}
