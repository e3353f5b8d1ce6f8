// AMAZON_COGNITO_USER_POOLS over HTTP: which tokens AppSync takes in the
// Authorization header, what a caller becomes (ctx.identity, util.authType()),
// and the 401s it answers the others with.
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { accessClaims, MEMBER, ORGANIZER, post, signToken, startAuthApi, tokensOf } from './api.ts';

let server: LocalAppSync;

beforeAll(async () => {
  server = await startAuthApi();
});
afterAll(() => server?.close());

const stranger = { kid: 'stranger', privateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey };

/** The 401 AppSync answers a request it cannot authorize with. */
const unauthorized = (message: string) => ({ status: 401, errorType: 'UnauthorizedException', body: { errors: [{ errorType: 'UnauthorizedException', message }] } });

describe('tokens of the user pool in the Authorization header', () => {
  it('takes an organizer’s access token on an organizers-only field', async () => {
    const { AccessToken } = await tokensOf(server, ORGANIZER);
    expect(await post(server, '{ secret }', { authorization: AccessToken })).toMatchObject({ status: 200, body: { data: { secret: 'the secret' } } });
  });

  it('takes an ID token as well as an access token', async () => {
    const { IdToken } = await tokensOf(server, ORGANIZER);
    expect(await post(server, '{ secret }', { authorization: IdToken })).toMatchObject({ status: 200, body: { data: { secret: 'the secret' } } });
  });

  it('gives resolvers AppSync’s user-pool identity and util.authType() "User Pool Authorization"', async () => {
    const { AccessToken } = await tokensOf(server, ORGANIZER);
    const { body } = await post(server, '{ whoami { authType sub username issuer groups tokenUse defaultAuthStrategy sourceIp } }', {
      authorization: AccessToken,
      'x-forwarded-for': '203.0.113.7',
    });
    expect(body.data.whoami).toEqual({
      authType: 'User Pool Authorization',
      sub: server.userPool!.users.get(ORGANIZER.username)!.sub,
      username: ORGANIZER.username,
      issuer: server.userPool!.issuer,
      groups: ['organizers'],
      tokenUse: 'access',
      defaultAuthStrategy: 'ALLOW',
      sourceIp: ['203.0.113.7', '127.0.0.1'],
    });
  });

  it('gives a user in no group identity.groups null', async () => {
    const { AccessToken } = await tokensOf(server, MEMBER);
    const { body } = await post(server, '{ whoami { username groups } }', { authorization: AccessToken });
    expect(body.data.whoami).toEqual({ username: MEMBER.username, groups: null });
  });

  it('refuses an expired token: 401 "Token has expired."', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    const token = await signToken(accessClaims(server, { iat: past, auth_time: past, exp: past + 3600 }), server.userPool!.keys.access);
    expect(await post(server, '{ secret }', { authorization: token })).toEqual(unauthorized('Token has expired.'));
  });

  it('refuses a token signed by another key', async () => {
    const token = await signToken(accessClaims(server), { ...stranger, kid: server.userPool!.keys.access.kid });
    expect(await post(server, '{ secret }', { authorization: token })).toEqual(unauthorized('Valid authorization header not provided.'));
  });

  it('refuses a token whose key the pool does not publish', async () => {
    const token = await signToken(accessClaims(server), stranger);
    expect(await post(server, '{ secret }', { authorization: token })).toEqual(unauthorized('Valid authorization header not provided.'));
  });

  it('refuses a token from another issuer, even signed with the pool’s key', async () => {
    const token = await signToken(accessClaims(server, { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Another1' }), server.userPool!.keys.access);
    expect(await post(server, '{ secret }', { authorization: token })).toEqual(unauthorized('Valid authorization header not provided.'));
  });

  it('refuses a token issued to another app client', async () => {
    const token = await signToken(accessClaims(server, { client_id: 'someotherclient0000000000a' }), server.userPool!.keys.access);
    expect(await post(server, '{ secret }', { authorization: token })).toEqual(unauthorized('Valid authorization header not provided.'));
  });

  it('refuses a token that is neither an ID nor an access token', async () => {
    const token = await signToken(accessClaims(server, { token_use: 'refresh' }), server.userPool!.keys.access);
    expect(await post(server, '{ secret }', { authorization: token })).toEqual(unauthorized('Valid authorization header not provided.'));
  });

  it('refuses what is not a JWT: 401 "Unable to parse JWT token."', async () => {
    expect(await post(server, '{ secret }', { authorization: 'not-a-token' })).toEqual(unauthorized('Unable to parse JWT token.'));
  });

  it('refuses a token with a "Bearer " prefix, which AppSync does not take', async () => {
    const { AccessToken } = await tokensOf(server, ORGANIZER);
    expect((await post(server, '{ secret }', { authorization: `Bearer ${AccessToken}` })).status).toBe(401);
  });

  it('gives a valid token without the organizers group null and Unauthorized, not a 401', async () => {
    const token = await signToken(accessClaims(server, { 'cognito:groups': undefined }), server.userPool!.keys.access);
    expect(await post(server, '{ secret }', { authorization: token })).toMatchObject({
      status: 200,
      body: { data: { secret: null }, errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access secret on type Query', path: ['secret'] }] },
    });
  });

  it('refuses a request with neither an API key nor a token: 401 "Valid authorization header not provided."', async () => {
    expect(await post(server, '{ open }', {})).toEqual(unauthorized('Valid authorization header not provided.'));
  });

  it('refuses a wrong API key: 401 "You are not authorized to make this call."', async () => {
    expect(await post(server, '{ open }', { 'x-api-key': 'da2-wrongwrongwrongwrongwrongwr' })).toEqual(unauthorized('You are not authorized to make this call.'));
  });
});
