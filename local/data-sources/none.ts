import type { DataSource } from './data-source.ts';

/** NONE: the request's `payload` comes back as the result (resolver-reference-none-js.html). */
export function noneDataSource(name: string): DataSource {
  return {
    name,
    invoke(request) {
      const payload = request && typeof request === 'object' ? (request as { payload?: unknown }).payload : undefined;
      return { result: payload ?? null };
    },
  };
}
