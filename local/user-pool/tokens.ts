// ID and access tokens with Cognito's claims, signed RS256 with the pool's keys.
// Claim sets follow Cognito's documented tokens (cognito/latest/developerguide,
// "Understanding the identity token" / "the access token"); a user pool without
// custom attributes puts no attribute claims beyond these in the ID token.
import { randomUUID } from 'node:crypto';
import { SignJWT, type JWTPayload } from 'jose';
import type { SigningKey } from './keys.ts';
import type { Session } from './sessions.ts';
import type { User } from './users.ts';

export type TokenSettings = { issuer: string; idKey: SigningKey; accessKey: SigningKey; lifetimeSeconds: number };

export type IssuedTokens = { IdToken: string; AccessToken: string; ExpiresIn: number; TokenType: 'Bearer' };

export async function issueTokens(user: User, session: Session, settings: TokenSettings): Promise<IssuedTokens> {
  const iat = Math.floor(Date.now() / 1000);
  const exp = iat + settings.lifetimeSeconds;
  const eventId = randomUUID();
  const groups = user.groups.length ? { 'cognito:groups': user.groups } : {};
  const common = { sub: user.sub, ...groups, iss: settings.issuer, origin_jti: session.originJti, event_id: eventId, auth_time: session.authTime, exp, iat };
  const id: JWTPayload = {
    ...common,
    'cognito:username': user.username,
    aud: session.clientId,
    token_use: 'id',
    jti: randomUUID(),
  };
  const access: JWTPayload = {
    ...common,
    client_id: session.clientId,
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    jti: randomUUID(),
    username: user.username,
  };
  return {
    IdToken: await sign(id, settings.idKey),
    AccessToken: await sign(access, settings.accessKey),
    ExpiresIn: settings.lifetimeSeconds,
    TokenType: 'Bearer',
  };
}

const sign = (payload: JWTPayload, key: SigningKey) => new SignJWT(payload).setProtectedHeader({ kid: key.kid, alg: 'RS256' }).sign(key.privateKey);
