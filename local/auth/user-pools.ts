// AMAZON_COGNITO_USER_POOLS: the Authorization header holds an ID or access token
// of the API's user pool, sent as is (AppSync takes no "Bearer " prefix). It is
// verified as AppSync does — RS256 signature against the pool's keys, expiry,
// issuer, token_use, app client — and becomes ctx.identity. Refusals carry the
// texts AppSync answers with a 401: "Unable to parse JWT token." (not a JWT),
// "Token has expired.", and "Valid authorization header not provided." for a
// token it does not accept (another pool's, a forged signature).
import { decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthFailure, Caller } from './authorize.ts';

/** What verification needs from a user pool: the local one (local/user-pool) provides it. */
export type UserPoolKeys = { issuer: string; clientId: string; publicKeys: JWTVerifyGetKey };

export const USER_POOL_AUTH_TYPE = 'User Pool Authorization';

const failure = (message: string): AuthFailure => ({ errorType: 'UnauthorizedException', message });
const NOT_PROVIDED = 'Valid authorization header not provided.';

export async function verifyUserPoolToken(token: string, pool: UserPoolKeys, sourceIp: string[]): Promise<Caller | AuthFailure> {
  try {
    decodeProtectedHeader(token);
    decodeJwt(token);
  } catch {
    return failure('Unable to parse JWT token.');
  }
  let claims: JWTPayload;
  try {
    ({ payload: claims } = await jwtVerify(token, pool.publicKeys, { issuer: pool.issuer, algorithms: ['RS256'] }));
  } catch (error) {
    return failure(error instanceof errors.JWTExpired ? 'Token has expired.' : NOT_PROVIDED);
  }
  const client = claims.token_use === 'id' ? claims.aud : claims.token_use === 'access' ? claims.client_id : undefined;
  if (client !== pool.clientId || typeof claims.sub !== 'string') return failure(NOT_PROVIDED);

  const groups = claims['cognito:groups'];
  const username = claims.token_use === 'id' ? claims['cognito:username'] : claims.username;
  return {
    authType: USER_POOL_AUTH_TYPE,
    mode: 'AMAZON_COGNITO_USER_POOLS',
    identity: {
      sub: claims.sub,
      issuer: claims.iss,
      username,
      claims,
      sourceIp,
      defaultAuthStrategy: 'ALLOW',
      groups: Array.isArray(groups) ? groups : null,
    },
  };
}
