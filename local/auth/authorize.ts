// Who is calling, by the API's authorization modes, picked per request as AppSync
// picks them: an `x-api-key` header means API_KEY; an `Authorization` header a
// JWT mode (AMAZON_COGNITO_USER_POOLS here). A request no declared mode accepts
// is refused with AppSync's 401 words. AWS_IAM, OPENID_CONNECT and AWS_LAMBDA are
// not served locally: their callers are refused rather than let through.
import type { AuthMode } from '../declaration/declaration.ts';
import type { Identity } from '../runtime/context.ts';
import { looksLikeJwt, type AuthorizedRequest, type LambdaAuthorize } from './lambda-authorizer.ts';
import { verifyUserPoolToken, type UserPoolKeys } from './user-pools.ts';

/** `authType` is what util.authType() says; `mode` is the declaration's name for it. */
export type Caller = { authType: string; mode: AuthMode; identity: Identity; /** AWS_LAMBDA: fields the authorizer denied ("Type.field"). */ deniedFields?: ReadonlySet<string> };

export type AuthFailure = { errorType: 'UnauthorizedException'; message: string };

/** Where the request came from, beyond its headers: the TCP peer, for identity.sourceIp. */
export type RequestOrigin = { remoteAddress?: string; /** The GraphQL request being authorized (a Lambda authorizer is told it). */ request?: AuthorizedRequest };

export type Authorizer = (headers: Record<string, string | undefined>, origin?: RequestOrigin) => Promise<Caller | AuthFailure>;

export const isAuthFailure = (value: Caller | AuthFailure): value is AuthFailure => 'errorType' in value;

/** util.authType()'s words for each mode. */
export const AUTH_TYPES: Record<AuthMode, string> = {
  API_KEY: 'API Key Authorization',
  AWS_IAM: 'IAM Authorization',
  AMAZON_COGNITO_USER_POOLS: 'User Pool Authorization',
  OPENID_CONNECT: 'Open ID Connect Authorization',
  AWS_LAMBDA: 'Lambda Authorization',
};

const MODE_OF_AUTH_TYPE = new Map(Object.entries(AUTH_TYPES).map(([mode, authType]) => [authType, mode as AuthMode]));

/** The mode behind a util.authType() value (what a RequestState carries). */
export const modeOfAuthType = (authType: string): AuthMode | undefined => MODE_OF_AUTH_TYPE.get(authType);

const refuse = (message: string): AuthFailure => ({ errorType: 'UnauthorizedException', message });
const NOT_PROVIDED = 'Valid authorization header not provided.';

export type AuthorizerOptions = {
  authorization: { default: AuthMode; additional: readonly AuthMode[] };
  apiKeys: readonly string[];
  /** The user pool whose tokens AMAZON_COGNITO_USER_POOLS accepts. */
  userPool?: UserPoolKeys;
  /** The authorizer function's check, when the API has AWS_LAMBDA. */
  lambda?: LambdaAuthorize;
};

export function createAuthorizer({ authorization, apiKeys, userPool, lambda }: AuthorizerOptions): Authorizer {
  const modes = new Set([authorization.default, ...authorization.additional]);
  const apiKeyMode = modes.has('API_KEY');
  const userPoolMode = modes.has('AMAZON_COGNITO_USER_POOLS') && userPool;
  return async (headers, origin = {}) => {
    const apiKey = headers['x-api-key'];
    if (apiKeyMode && apiKey !== undefined) {
      return apiKeys.includes(apiKey) ? { authType: AUTH_TYPES.API_KEY, mode: 'API_KEY', identity: null } : refuse('You are not authorized to make this call.');
    }
    const token = headers.authorization;
    const lambdaMode = modes.has('AWS_LAMBDA') && lambda;
    if (token && userPoolMode && (!lambdaMode || looksLikeJwt(token))) return verifyUserPoolToken(token, userPool, sourceIpOf(headers, origin));
    if (token && lambdaMode) return lambda(token, headers, origin.request);
    return refuse(NOT_PROVIDED);
  };
}

/** The API_KEY-only authorizer of an API whose sole mode is API_KEY. */
export function apiKeyAuthorizer(apiKeys: readonly string[]): Authorizer {
  return createAuthorizer({ authorization: { default: 'API_KEY', additional: [] }, apiKeys });
}

/** identity.sourceIp: the x-forwarded-for entries, then the TCP peer. */
function sourceIpOf(headers: Record<string, string | undefined>, { remoteAddress }: RequestOrigin): string[] {
  const forwarded = (headers['x-forwarded-for'] ?? '').split(',').map((ip) => ip.trim()).filter(Boolean);
  return remoteAddress ? [...forwarded, remoteAddress.replace(/^::ffff:/, '')] : forwarded;
}
