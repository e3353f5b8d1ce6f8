// AWS_LAMBDA authorization (devguide/security-authz.html, "AWS_LAMBDA
// authorization"): the Authorization header's token goes to the authorizer
// function, with the request it authorizes, as
//   { authorizationToken, requestContext: { apiId, accountId, requestId,
//     queryString, operationName, variables }, requestHeaders }
// and its answer { isAuthorized, resolverContext, deniedFields, ttlOverride }
// decides: resolverContext becomes ctx.identity.resolverContext, deniedFields
// ("Type.field" or the field's ARN) resolve to null with an Unauthorized error.
// An answer is cached per token for ttlOverride seconds, else the authorizer's
// resultsCacheTtl (0: not cached) — AppSync's cache key is the token, so a cached
// answer holds for any query with that token. A token that fails the
// identityValidationExpression is refused without calling the function.
//
// AppSync gives an authorizer 10 s. One that throws, runs out of time or answers
// something other than { isAuthorized: boolean } is refused, with the same 401
// UnauthorizedException as isAuthorized false (AppSync does not document its
// answer for these; nothing gets through, which is what matters).
import { randomUUID } from 'node:crypto';
import type { LambdaAuthorizerDeclaration } from '../declaration/declaration.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION, type LocalLambdaFunction } from '../functions/runner.ts';
import type { AuthFailure, Caller } from './authorize.ts';

/** What AppSync tells the authorizer of the request: its query, operation and variables. */
export type AuthorizedRequest = { queryString?: string; operationName?: string | null; variables?: Record<string, unknown> };

export type LambdaAuthorize = (token: string, headers: Record<string, string | undefined>, request?: AuthorizedRequest) => Promise<Caller | AuthFailure>;

/** AppSync's limit on an authorizer's run. */
export const AUTHORIZER_TIME_LIMIT_MS = 10_000;

export const LAMBDA_AUTH_TYPE = 'Lambda Authorization';

const refused: AuthFailure = { errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' };

export function lambdaAuthorizer(config: LambdaAuthorizerDeclaration, fn: LocalLambdaFunction, apiId: string, options: { timeLimitMs?: number } = {}): LambdaAuthorize {
  const cache = new Map<string, { answer: Caller | AuthFailure; until: number }>();
  const pattern = config.identityValidationExpression ? new RegExp(`^(?:${config.identityValidationExpression})$`) : undefined;
  const timeLimitMs = options.timeLimitMs ?? AUTHORIZER_TIME_LIMIT_MS;

  return async (token, headers, request = {}) => {
    if (pattern && !pattern.test(token)) return refused;
    const cached = cache.get(token);
    if (cached && cached.until > Date.now()) return cached.answer;
    if (cached) cache.delete(token);

    const event = {
      authorizationToken: token,
      requestContext: {
        apiId,
        accountId: LOCAL_ACCOUNT,
        requestId: randomUUID(),
        queryString: request.queryString ?? '',
        operationName: request.operationName ?? undefined,
        variables: request.variables ?? {},
      },
      requestHeaders: Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string')),
    };
    let timer: NodeJS.Timeout | undefined;
    const answer = await Promise.race([
      fn.invoke(event),
      new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeLimitMs))),
    ]).finally(() => clearTimeout(timer));
    if (!answer || !answer.ok) return refused;
    const response = answer.result as { isAuthorized?: unknown; resolverContext?: unknown; deniedFields?: unknown; ttlOverride?: unknown } | null;
    if (!response || typeof response !== 'object' || typeof response.isAuthorized !== 'boolean') return refused;

    const outcome: Caller | AuthFailure = response.isAuthorized
      ? {
          authType: LAMBDA_AUTH_TYPE,
          mode: 'AWS_LAMBDA',
          identity: { resolverContext: isPlainObject(response.resolverContext) ? response.resolverContext : {} },
          deniedFields: deniedFieldsOf(response.deniedFields),
        }
      : refused;
    const ttl = typeof response.ttlOverride === 'number' && response.ttlOverride >= 0 ? Math.min(response.ttlOverride, 3600) : config.resultsCacheTtl;
    if (ttl > 0) cache.set(token, { answer: outcome, until: Date.now() + ttl * 1000 });
    return outcome;
  };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/** "Type.field", from either form AppSync takes: the field's ARN (…:apis/<id>/types/<Type>/fields/<field>) or "Type.field". */
function deniedFieldsOf(value: unknown): ReadonlySet<string> | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const fields = new Set<string>();
  for (const entry of value) {
    if (typeof entry !== 'string') continue;
    const arn = /\/types\/([^/]+)\/fields\/([^/]+)$/.exec(entry);
    fields.add(arn ? `${arn[1]}.${arn[2]}` : entry);
  }
  return fields;
}

/** AppSync sends a JWT-shaped token to the JWT modes (user pools, OIDC) when the API has one; any other token goes to the authorizer. */
export const looksLikeJwt = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);
