// The HTTP request object of resolver-reference-http-js.html, checked:
// { method, resourcePath, params?: { query?, headers?, body? } }. Malformed
// objects are refused in AppSync's MappingTemplate words, before any network.
export type HttpRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  resourcePath: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body: string | undefined;
};

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']);

export class HttpMappingError extends Error {
  override name = 'HttpMappingError';
}

const isMap = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

export function httpRequest(raw: unknown): HttpRequest {
  if (!isMap(raw)) throw new HttpMappingError("Value for field '$[method]' not found.");
  // `version`: a VTL request template's (2018-05-29), read by local/vtl/requests.ts; tolerated here as DynamoDB's is.
  const { method, resourcePath, params = {}, version: _version, ...rest } = raw;
  if (typeof method !== 'string' || !METHODS.has(method)) throw new HttpMappingError("Value for field '$[method]' not found.");
  if (typeof resourcePath !== 'string') throw new HttpMappingError("Value for field '$[resourcePath]' not found.");
  if (!resourcePath.startsWith('/')) throw new HttpMappingError("The resourcePath '$[resourcePath]' must start with '/'.");
  const extra = Object.keys(rest)[0];
  if (extra) throw new HttpMappingError(`Unsupported element '$[${extra}]'.`);
  if (!isMap(params)) throw new HttpMappingError("Expected JSON object for '$[params]'.");
  const { query = {}, headers = {}, body, ...otherParams } = params;
  const extraParam = Object.keys(otherParams)[0];
  if (extraParam) throw new HttpMappingError(`Unsupported element '$[params][${extraParam}]'.`);
  if (!isMap(query)) throw new HttpMappingError("Expected JSON object for '$[params][query]'.");
  if (!isMap(headers) || Object.values(headers).some((value) => typeof value !== 'string')) {
    throw new HttpMappingError("Expected a map of strings for '$[params][headers]'.");
  }
  // A body that is not a string is sent as its JSON (our choice: the docs show strings and JSON.stringify).
  const text = body === undefined || body === null ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return { method: method as HttpRequest['method'], resourcePath, query, headers: headers as Record<string, string>, body: text };
}

/** params.query as a query string: a list is the name repeated, other values their string form. */
export function queryString(query: Record<string, unknown>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      search.append(name, typeof item === 'object' ? JSON.stringify(item) : String(item));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
