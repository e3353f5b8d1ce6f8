// Hot reload of a template or cloud assembly: when it changes (a new `cdk synth`, an
// edited code asset), it is read again and its resolver and function code swapped in
// through the same reload as api.json's (local/resolvers/reload.ts), only when all of
// it is good; the last good version serves meanwhile. Its Lambda functions' code and
// settings are swapped in too (fresh environments from then on). A change beyond code
// (schema, tables, data sources, which resolver runs where, which functions there are)
// needs a restart, and says so.
import { watch, type FSWatcher } from 'node:fs';
import { dirname } from 'node:path';
import type { LocalLambdaFunction } from '../functions/runner.ts';
import { isDeepStrictEqual } from 'node:util';
import type { ApiDeclaration } from '../declaration/declaration.ts';
import { loadApiSource, type SourceOptions } from '../declaration/source.ts';
import { reloadCode, type ReloadableApi } from '../resolvers/reload.ts';
import { TemplateError } from './errors.ts';
import { INLINE_FOLDER } from './lambda.ts';

/** A served API as reload sees it: its code, and the Lambda functions it runs. */
type ReloadableTemplateApi = ReloadableApi & { lambdaFunctions?: Map<string, LocalLambdaFunction> };

/** Reads the source again and swaps in its code; throws, changing nothing, when it is bad or changed beyond code. */
export function reloadTemplate(api: ReloadableTemplateApi, source: string, options: SourceOptions = {}): string[] {
  const next = loadApiSource(source, options);
  const shape = (d: ApiDeclaration) => ({
    schema: d.schemaSource,
    tables: d.tables,
    dataSources: d.dataSources,
    environment: d.environment,
    authorization: d.authorization,
    unsupported: d.unsupported,
    lambdaFunctions: Object.keys(d.lambdaFunctions).sort(),
    resolvers: Object.fromEntries(Object.entries(d.resolvers).map(([field, { code: _code, ready: _ready, ...wiring }]) => [field, wiring])),
    functions: Object.fromEntries(Object.entries(d.functions).map(([name, { code: _code, ready: _ready, ...wiring }]) => [name, wiring])),
  });
  if (!isDeepStrictEqual(shape(next), shape(api.declaration))) {
    throw new TemplateError(`${source} changed more than resolver code (schema, tables, data sources or wiring): restart appsync-local serve to pick it up`);
  }
  const previous = api.declaration;
  api.declaration = { ...previous, resolvers: next.resolvers, functions: next.functions, lambdaFunctions: next.lambdaFunctions };
  let changed: string[];
  try {
    changed = reloadCode(api);
  } catch (error) {
    api.declaration = previous;
    throw error;
  }
  // A template's functions run as deployed: reading them cannot fail, so they are swapped once the resolvers are.
  const functions = Object.entries(next.lambdaFunctions).filter(([name, fn]) => api.lambdaFunctions?.get(name)?.update(fn));
  return [...changed, ...functions.map(([name, fn]) => `${name} (${fn.handler.replace(/#.*$/, '')})`)];
}

/** Watches the template file, or the cloud assembly's folder, and reloads after each burst of changes. */
export function watchTemplate(
  api: ReloadableTemplateApi,
  source: string,
  options: SourceOptions & { onReload(files: string[]): void; onError(error: Error): void; debounceMs?: number },
): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  const folders = new Set([api.declaration.file.endsWith('.json') || /\.(ya?ml|template)$/.test(api.declaration.file) ? dirname(api.declaration.file) : api.declaration.file]);
  for (const fn of [...Object.values(api.declaration.resolvers), ...Object.values(api.declaration.functions)]) {
    if (fn.code && !fn.code.includes('#')) folders.add(dirname(fn.code));
  }
  // A function's code in a folder of its own (a template's `Code: ./src`); inline code changes with the template.
  for (const fn of Object.values(api.declaration.lambdaFunctions)) {
    if (!fn.handler.startsWith(INLINE_FOLDER)) folders.add(dirname(fn.handler.replace(/#[^#]*$/, '')));
  }
  const watchers: FSWatcher[] = [];
  for (const folder of folders) {
    try {
      const watcher = watch(folder, () => {
        clearTimeout(timer);
        // `cdk synth` writes many files: wait until it is done.
        timer = setTimeout(() => {
          try {
            options.onReload(reloadTemplate(api, source, options));
          } catch (error) {
            options.onError(error as Error);
          }
        }, options.debounceMs ?? 300);
      });
      watcher.unref();
      watchers.push(watcher);
    } catch {
      // A folder that went away holds nothing to watch.
    }
  }
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
