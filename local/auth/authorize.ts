// Who is calling, by the API's authorization modes, picked per request as AppSync
// picks them: an `x-api-key` header means API_KEY; an `Authorization` header
// signed with SigV4 (AWS4-HMAC-SHA256) AWS_IAM; one holding a JWT the mode whose
// issuer it names (AMAZON_COGNITO_USER_POOLS or OPENID_CONNECT); any other token,
// when the API has AWS_LAMBDA, goes to the Lambda authorizer. A request no
// declared mode accepts is refused with AppSync's words.
import type { AuthMode } from '../declaration/declaration.ts';
import type { Identity } from '../runtime/context.ts';
import { createIamVerifier, isSigV4, type IamOptions, type SignedRequest } from './iam.ts';
import { createOidcVerifier, issuerOf, sameIssuer, type OidcConfig } from './oidc.ts';
import { looksLikeJwt, type AuthorizedRequest, type LambdaAuthorize } from './lambda-authorizer.ts';
import { verifyUserPoolToken, type UserPoolKeys } from './user-pools.ts';

/** `authType` is what util.authType() says; `mode` is the declaration's name for it. */
export type Caller = { authType: string; mode: AuthMode; identity: Identity; /** AWS_LAMBDA: fields the authorizer denied ("Type.field"). */ deniedFields?: ReadonlySet<string> };

/** `status` is the HTTP status of the refusal: 401 unless said (AWS_IAM's SigV4 refusals are 400/403). */
export type AuthFailure = { errorType: string; message: string; status?: number };

/**
 * Where the request came from, beyond its headers: the TCP peer, for identity.sourceIp;
 * for AWS_IAM the request as signed (the real-time endpoint's connect and start
 * are signed as POSTs of their own: appsync-realtime.md); and for AWS_LAMBDA the
 * GraphQL request being authorized (a Lambda authorizer is told it).
 */
export type RequestOrigin = { remoteAddress?: string; request?: SignedRequest; graphql?: AuthorizedRequest };

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
  /** The IAM users (and account and region) whose signatures AWS_IAM accepts. */
  iam?: IamOptions;
  /** The provider whose tokens OPENID_CONNECT accepts. */
  openIdConnect?: OidcConfig;
  /** The authorizer function's check, when the API has AWS_LAMBDA. */
  lambda?: LambdaAuthorize;
};

const DEFAULT_SIGNED_REQUEST: SignedRequest = { method: 'POST', path: '/graphql', body: '' };

export function createAuthorizer({ authorization, apiKeys, userPool, iam, openIdConnect, lambda }: AuthorizerOptions): Authorizer {
  const modes = new Set([authorization.default, ...authorization.additional]);
  const apiKeyMode = modes.has('API_KEY');
  const userPoolMode = modes.has('AMAZON_COGNITO_USER_POOLS') && userPool;
  const verifyIam = modes.has('AWS_IAM') && iam ? createIamVerifier(iam) : undefined;
  const verifyOidc = modes.has('OPENID_CONNECT') && openIdConnect ? createOidcVerifier(openIdConnect) : undefined;
  return async (headers, origin = {}) => {
    const apiKey = headers['x-api-key'];
    if (apiKeyMode && apiKey !== undefined) {
      return apiKeys.includes(apiKey) ? { authType: AUTH_TYPES.API_KEY, mode: 'API_KEY', identity: null } : refuse('You are not authorized to make this call.');
    }
    const token = headers.authorization;
    if (token && verifyIam && isSigV4(token)) return verifyIam(headers, origin.request ?? DEFAULT_SIGNED_REQUEST, sourceIpOf(headers, origin));
    const lambdaMode = modes.has('AWS_LAMBDA') && lambda;
    // With both JWT modes, the token's issuer says which one it is for.
    // With AWS_LAMBDA too, only a JWT of the provider's issuer is OPENID_CONNECT's.
    const oidcToken = (t: string) => (!userPoolMode && !lambdaMode) || (looksLikeJwt(t) && sameIssuer(issuerOf(t), openIdConnect!.issuer));
    if (token && verifyOidc && oidcToken(token)) return verifyOidc(token);
    if (token && userPoolMode && (!lambdaMode || looksLikeJwt(token))) return verifyUserPoolToken(token, userPool, sourceIpOf(headers, origin));
    if (token && lambdaMode) return lambda(token, headers, origin.graphql);
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
