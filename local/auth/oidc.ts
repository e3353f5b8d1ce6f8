// OPENID_CONNECT: the Authorization header holds a JWT of the API's OIDC
// provider, sent as is (no "Bearer "). As AppSync does, the provider's keys come
// from its discovery document (<issuer>/.well-known/openid-configuration →
// jwks_uri), fetched on first use and cached by jose, which refetches on an
// unknown kid (key rotation). Checked: signature, issuer, expiry, `aud` against
// clientId when one is configured, and the configured iatTTL / authTTL
// (milliseconds since `iat` / `auth_time`). The caller's ctx.identity is
// { sub, issuer, claims }. Refusals are 401 UnauthorizedException with the same
// words as the user-pool path ("Unable to parse JWT token.", "Token has
// expired.", "Valid authorization header not provided.").
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AuthFailure, Caller } from './authorize.ts';

export const OIDC_AUTH_TYPE = 'Open ID Connect Authorization';

/** AppSync's OpenIDConnectConfig: TTLs in milliseconds, 0 or absent for no limit. */
export type OidcConfig = { issuer: string; clientId?: string; iatTTL?: number; authTTL?: number };

const failure = (message: string): AuthFailure => ({ errorType: 'UnauthorizedException', message });
const NOT_PROVIDED = 'Valid authorization header not provided.';
const EXPIRED = 'Token has expired.';

/** The issuer as compared: AppSync's config and a token's `iss` may differ by a trailing slash. */
export const sameIssuer = (a: unknown, b: string) => typeof a === 'string' && a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/** The token's `iss`, or undefined when it is not a JWT. */
export function issuerOf(token: string): unknown {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

export function createOidcVerifier(config: OidcConfig) {
  let keys: Promise<JWTVerifyGetKey> | undefined;
  /** Discovery, once; a failed discovery is retried on the next request rather than remembered. */
  const discoveredKeys = () =>
    (keys ??= (async () => {
      const url = `${config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      const { jwks_uri } = (await response.json()) as { jwks_uri?: string };
      if (typeof jwks_uri !== 'string') throw new Error(`${url} names no jwks_uri`);
      return createRemoteJWKSet(new URL(jwks_uri));
    })().catch((error: unknown) => {
      keys = undefined;
      throw error;
    }));

  return async function verifyOidc(token: string, now = Date.now()): Promise<Caller | AuthFailure> {
    try {
      decodeJwt(token);
    } catch {
      return failure('Unable to parse JWT token.');
    }
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, await discoveredKeys(), {
        issuer: [config.issuer.replace(/\/+$/, ''), config.issuer.replace(/\/+$/, '') + '/'],
        ...(config.clientId ? { audience: config.clientId } : {}),
        currentDate: new Date(now),
      }));
    } catch (error) {
      return failure(error instanceof errors.JWTExpired ? EXPIRED : NOT_PROVIDED);
    }
    if (config.iatTTL && (typeof claims.iat !== 'number' || now - claims.iat * 1000 > config.iatTTL)) return failure(EXPIRED);
    if (config.authTTL && (typeof claims.auth_time !== 'number' || now - claims.auth_time * 1000 > config.authTTL)) return failure(EXPIRED);
    return {
      authType: OIDC_AUTH_TYPE,
      mode: 'OPENID_CONNECT',
      identity: { sub: claims.sub ?? null, issuer: claims.iss ?? null, claims },
    };
  };
}
