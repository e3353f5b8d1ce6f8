// The request formats of the mapping-template world (resolver-mapping-template-reference-
// dynamodb.html, -none.html, resolver-mapping-template-changelog.html). A DynamoDB request
// template renders the very request object an APPSYNC_JS handler returns — same operations,
// same typed `key`/`attributeValues`, `update`/`condition`/`filter` expressions,
// `projection`, `nextToken`, answers with `items`/`nextToken`/`scannedCount` — plus a
// `version`. So the data sources under local/data-sources/ serve both; what is VTL's own is
// checked here: the version, and the operations that need 2018-05-29.
import { ResolverError } from '../runtime/signals.ts';
import { MAPPING_TEMPLATE_ERROR } from './handler.ts';

export const VERSIONS = ['2017-02-28', '2018-05-29'] as const;
export type TemplateVersion = (typeof VERSIONS)[number];

/** Not in 2017-02-28 (the changelog's availability matrix); transactions came after it, with 2018-05-29. */
const NEEDS_2018 = new Set(['BatchGetItem', 'BatchPutItem', 'BatchDeleteItem', 'TransactGetItems', 'TransactWriteItems']);

const fault = (message: string) => new ResolverError(message, MAPPING_TEMPLATE_ERROR);

/** A function's FunctionVersion: the only one AppSync takes (CreateFunction's functionVersion). */
export const FUNCTION_VERSION: TemplateVersion = '2018-05-29';

/**
 * Reads a rendered request template: the request for the data source, and its version.
 * A function's template may leave `version` out: the function's FunctionVersion is its
 * version (Amplify Gen 2's functions render `{}` or `{"payload": …}` on NONE); a unit
 * resolver's template must give it.
 */
export function readRequest(
  value: unknown,
  kind: 'resolver' | 'function',
  functionVersion: TemplateVersion = FUNCTION_VERSION,
): { ok: true; request: Record<string, unknown>; version: TemplateVersion } | { ok: false; error: ResolverError } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, error: fault('A request mapping template must render a JSON object.') };
  const request = value as Record<string, unknown>;
  const version = request.version ?? (kind === 'function' ? functionVersion : undefined);
  if (version === undefined || version === null) return { ok: false, error: fault("Value for field '$[version]' not found.") };
  if (!VERSIONS.includes(version as TemplateVersion)) return { ok: false, error: fault(`Unsupported version '${String(version)}': 2017-02-28 or 2018-05-29.`) };
  if (version === '2017-02-28') {
    // "Only 2018-05-29 version is currently supported in functions" (the changelog).
    if (kind === 'function') return { ok: false, error: fault('A function mapping template must be version 2018-05-29.') };
    if (typeof request.operation === 'string' && NEEDS_2018.has(request.operation)) {
      return { ok: false, error: fault(`${request.operation} needs version 2018-05-29.`) };
    }
    if (typeof request.method === 'string') return { ok: false, error: fault('An HTTP request needs version 2018-05-29.') };
  }
  return { ok: true, request, version: version as TemplateVersion };
}

/**
 * Whether the response template runs, by version: 2018-05-29 always runs it, with
 * $ctx.error set and nothing raised unless the template raises it; 2017-02-28 raises a
 * data source error itself and skips the template on a null result.
 */
export function responsePlan(version: TemplateVersion, answer: { result?: unknown; error?: { message: string; type: string } }):
  | { run: true }
  | { run: false; value: unknown; error?: ResolverError } {
  if (version === '2018-05-29') return { run: true };
  if (answer.error) return { run: false, value: null, error: new ResolverError(answer.error.message, answer.error.type) };
  if (answer.result === null || answer.result === undefined) return { run: false, value: null };
  return { run: true };
}
