// A worker thread's TypeScript entry bundled into one script on first need (in
// esbuild's process, so the server's thread goes on serving meanwhile): the
// worker then starts the same under tsx, Vitest or a plain node, none of which
// a Worker given a .ts file would do alike. `import.meta.url` in the bundle is
// the entry's own URL (a CommonJS bundle has no import.meta of its own): enough
// for a module that finds packages with createRequire(import.meta.url), as the
// embedded dynalite does, since the entry sits in the same source tree.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const bundles = new Map<string, Promise<string>>();

/** The bundled source of the worker entry at `entry`, built once per process; start it with `new Worker(source, { eval: true })`. */
export function bundledWorkerSource(entry: URL): Promise<string> {
  const path = fileURLToPath(entry);
  let source = bundles.get(path);
  if (!source) {
    source = build({
      entryPoints: [path],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      write: false,
      logLevel: 'silent',
      define: { 'import.meta.url': '__workerEntryUrl' },
      banner: { js: `const __workerEntryUrl = ${JSON.stringify(entry.href)};` },
    }).then(
      (result) => result.outputFiles[0]!.text,
    );
    bundles.set(path, source);
  }
  return source;
}
