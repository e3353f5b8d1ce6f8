// Hot reload of resolver code: bundle, validate and load every module again, and
// swap them into the running API only when all of them are good. Until then the
// last good version keeps serving, and the errors are given to the caller.
import { watch, type FSWatcher } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { bundleApi } from '../declaration/bundle.ts';
import type { ApiDeclaration } from '../declaration/declaration.ts';
import { createRealm, loadCode, type CodeModule } from '../runtime/sandbox.ts';
import { assertValidCode } from '../runtime/validation/bundles.ts';
import type { CompiledResolver } from './compiled.ts';

/** The parts of a LocalApi a reload reads and changes. */
export type ReloadableApi = {
  declaration: ApiDeclaration;
  bundles: { byFile: Map<string, string>; maps: Map<string, string> };
  resolvers: Map<string, CompiledResolver>;
};

/** Loads the code again; throws (a CodeValidationError, a CodeLoadError, a bundling error) and changes nothing when any module is bad. */
export function reloadCode(api: ReloadableApi): string[] {
  const bundles = bundleApi(api.declaration);
  assertValidCode(bundles);
  const realm = createRealm();
  const modules = new Map<string, CodeModule>();
  for (const [file, code] of bundles.byFile) modules.set(file, loadCode(realm, code, file, { bundleMap: bundles.maps.get(file) }));

  const changed = [...bundles.byFile].filter(([file, code]) => api.bundles.byFile.get(file) !== code).map(([file]) => file);
  for (const [field, resolver] of api.resolvers) {
    const moduleOf = (code: string | undefined) => (code ? modules.get(code)! : null);
    if (resolver.kind === 'UNIT') resolver.module = moduleOf(api.declaration.resolvers[field]!.code);
    else {
      resolver.module = moduleOf(api.declaration.resolvers[field]!.code);
      for (const fn of resolver.functions) fn.module = moduleOf(api.declaration.functions[fn.name]!.code);
    }
  }
  for (const [file, code] of bundles.byFile) api.bundles.byFile.set(file, code);
  for (const [file, map] of bundles.maps) api.bundles.maps.set(file, map);
  return changed;
}

export type WatchOptions = {
  /** After a reload that changed code: the bundles that changed. */
  onReload(changedFiles: string[]): void;
  /** A reload that failed: the previous code keeps serving. */
  onError(error: Error): void;
  /** Quiet time after the last change before reloading (ms). */
  debounceMs?: number;
};

/**
 * Reloads the code whenever a source file of a bundle changes. The folders watched
 * are those of the bundles' sources (from their source maps), not the project
 * tree: a recursive watch would walk node_modules.
 */
export function watchCode(api: ReloadableApi, options: WatchOptions): { close(): void } {
  let timer: NodeJS.Timeout | undefined;
  const watchers = new Map<string, FSWatcher>();
  const reload = () => {
    try {
      const changed = reloadCode(api);
      watchSources();
      if (changed.length) options.onReload(changed.map((file) => relative(process.cwd(), file)));
    } catch (error) {
      options.onError(error as Error);
    }
  };
  const onChange = (_event: string, name: string | Buffer | null) => {
    if (!/\.(m?[jt]s)$/.test(String(name ?? ''))) return;
    clearTimeout(timer);
    timer = setTimeout(reload, options.debounceMs ?? 100);
  };
  const watchSources = () => {
    for (const folder of sourceFolders(api)) {
      if (watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, onChange);
        watcher.unref();
        watchers.set(folder, watcher);
      } catch {
        // A folder that went away: its files are no longer sources.
      }
    }
  };
  watchSources();
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
    },
  };
}

function sourceFolders(api: ReloadableApi): Set<string> {
  const folders = new Set<string>();
  for (const [file, map] of api.bundles.maps) {
    folders.add(dirname(file));
    for (const source of (JSON.parse(map) as { sources: string[] }).sources) {
      if (!source.includes('node_modules')) folders.add(dirname(resolve(source)));
    }
  }
  return folders;
}
