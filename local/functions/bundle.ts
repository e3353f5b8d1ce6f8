// A Lambda handler (`file#export`, TypeScript or JavaScript) bundled as the
// deployment bundles it (NodejsFunction runs esbuild too): one CommonJS file for
// Node 20, every package inlined, written to a temporary folder the worker loads.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

export type HandlerBundle = { file: string; exportName: string };

export class HandlerBundleError extends Error {
  override name = 'HandlerBundleError';
}

let folder: string | undefined;

/** Bundles `path#export` (an absolute path, as the declaration gives it) into a file the local runtime loads. */
export function bundleHandler(functionName: string, handler: string): HandlerBundle {
  const { code, exportName } = bundleHandlerCode(functionName, handler);
  folder ??= mkdtempSync(join(tmpdir(), 'appsync-local-lambda-'));
  const file = join(folder, `${functionName}-${Date.now().toString(36)}.cjs`);
  writeFileSync(file, code);
  return { file, exportName };
}

/** The bundle's code (the deployment uploads it as index.js) and the handler's export. Throws a HandlerBundleError on a build error. */
export function bundleHandlerCode(functionName: string, handler: string): { code: string; exportName: string } {
  const at = handler.lastIndexOf('#');
  const entry = handler.slice(0, at);
  const exportName = handler.slice(at + 1);
  let code: string;
  try {
    const result = buildSync({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      sourcemap: 'inline',
      logLevel: 'silent',
    });
    code = result.outputFiles[0]!.text;
  } catch (error) {
    const errors = (error as { errors?: { text: string; location?: { file: string; line: number; column: number } }[] }).errors ?? [];
    const detail = errors.map((e) => (e.location ? `${e.location.file}:${e.location.line}:${e.location.column}: ${e.text}` : e.text)).join('\n  ');
    throw new HandlerBundleError(`lambdaFunctions.${functionName}: ${entry} cannot be bundled:\n  ${detail || (error as Error).message}`);
  }
  return { code, exportName };
}
