// util.http (http-helpers-in-utils-http-js.html): response headers a resolver
// adds, kept on the invocation for the HTTP endpoint to send.
import { activeInvocation } from '../invocation.ts';

/** AppSync refuses response headers whose names start with these (http-helpers-in-utils-http-js.html). */
const RESTRICTED_PREFIXES = ['x-amzn-', 'x-amz-'];
/** The headers copyHeaders leaves out: hop-by-hop and AppSync's own. */
const NOT_COPIED = new Set(['authorization', 'host', 'content-length', 'connection', 'cookie', 'x-api-key']);

export function copyHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const lower = name.toLowerCase();
    if (NOT_COPIED.has(lower) || RESTRICTED_PREFIXES.some((p) => lower.startsWith(p))) continue;
    out[name] = value;
  }
  return out;
}

export function addResponseHeader(name: string, value: unknown): void {
  const lower = String(name).toLowerCase();
  if (RESTRICTED_PREFIXES.some((p) => lower.startsWith(p))) {
    throw new Error(`util.http.addResponseHeader: header names starting with x-amzn- or x-amz- are reserved: ${name}`);
  }
  activeInvocation().responseHeaders[name] = typeof value === 'string' ? value : JSON.stringify(value);
}

export function addResponseHeaders(headers: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(headers ?? {})) addResponseHeader(name, value);
}
