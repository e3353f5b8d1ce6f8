// A worker thread's TypeScript entry bundled into one script on first need (in
// esbuild's process, so the server's thread goes on serving meanwhile): the
// worker then starts the same under tsx, Vitest or a plain node, none of which
// a Worker given a .ts file would do alike.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const bundles = new Map<string, Promise<string>>();

/** The bundled source of the worker entry at `entry`, built once per process; start it with `new Worker(source, { eval: true })`. */
export function bundledWorkerSource(entry: URL): Promise<string> {
  const path = fileURLToPath(entry);
  let source = bundles.get(path);
  if (!source) {
    source = build({ entryPoints: [path], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent' }).then(
      (result) => result.outputFiles[0]!.text,
    );
    bundles.set(path, source);
  }
  return source;
}
