// The local Cognito user pool itself: its JSON API beyond what the Amplify tests
// drive, its published keys, its users in the data folder, its client configuration.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { parseUserSpec } from '../../local/user-pool/users.ts';
import { initiateAuth, ORGANIZER, post, startAuthApi, tokensOf, writeAuthApi } from './api.ts';

let server: LocalAppSync;

beforeAll(async () => {
  server = await startAuthApi();
});
afterAll(() => server?.close());

async function call(target: string, input: unknown) {
  const response = await fetch(server.userPool!.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` },
    body: JSON.stringify(input),
  });
  return { status: response.status, errorType: response.headers.get('x-amzn-errortype'), body: (await response.json()) as any };
}

describe('the user pool’s JSON API', () => {
  it('answers USER_PASSWORD_AUTH with Cognito’s AuthenticationResult', async () => {
    const { status, body } = await initiateAuth(server, ORGANIZER.username, ORGANIZER.password);
    expect(status).toBe(200);
    expect(body).toEqual({
      AuthenticationResult: { AccessToken: expect.any(String), IdToken: expect.any(String), RefreshToken: expect.any(String), ExpiresIn: 3600, TokenType: 'Bearer' },
      ChallengeParameters: {},
    });
  });

  it('answers a wrong password with 400, x-amzn-ErrorType and __type NotAuthorizedException', async () => {
    expect(await initiateAuth(server, ORGANIZER.username, 'nope')).toEqual({
      status: 400,
      errorType: 'NotAuthorizedException:',
      body: { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' },
    });
  });

  it('matches usernames case-insensitively, as an Amplify Gen 2 pool does', async () => {
    expect((await initiateAuth(server, ORGANIZER.username.toUpperCase(), ORGANIZER.password)).status).toBe(200);
  });

  it('refreshes with REFRESH_TOKEN_AUTH, without a new refresh token', async () => {
    const { RefreshToken } = await tokensOf(server, ORGANIZER);
    const { body } = await call('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: server.userPool!.clientId, AuthParameters: { REFRESH_TOKEN: RefreshToken } });
    expect(Object.keys(body.AuthenticationResult).sort()).toEqual(['AccessToken', 'ExpiresIn', 'IdToken', 'TokenType']);
  });

  it('refuses a refresh token it never issued', async () => {
    const { body } = await call('GetTokensFromRefreshToken', { ClientId: server.userPool!.clientId, RefreshToken: 'made-up' });
    expect(body).toEqual({ __type: 'NotAuthorizedException', message: 'Invalid Refresh Token' });
  });

  it('refuses every session of a user after GlobalSignOut', async () => {
    const { AccessToken, RefreshToken } = await tokensOf(server, ORGANIZER);
    expect((await call('GlobalSignOut', { AccessToken })).body).toEqual({});
    const { body } = await call('GetTokensFromRefreshToken', { ClientId: server.userPool!.clientId, RefreshToken });
    expect(body).toEqual({ __type: 'NotAuthorizedException', message: 'Refresh Token has been revoked' });
  });

  it('answers an unknown app client with ResourceNotFoundException', async () => {
    const { body } = await call('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'nope', AuthParameters: { USERNAME: 'a', PASSWORD: 'b' } });
    expect(body).toEqual({ __type: 'ResourceNotFoundException', message: 'User pool client nope does not exist.' });
  });

  it('says that SRP, signIn’s default flow, is not enabled, and what to use instead', async () => {
    const { body } = await call('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: server.userPool!.clientId, AuthParameters: { USERNAME: 'a', SRP_A: 'b' } });
    expect(body.__type).toBe('InvalidParameterException');
    expect(body.message).toMatch(/^USER_SRP_AUTH flow not enabled for this client\. .*USER_PASSWORD_AUTH/);
  });

  it('answers an operation it does not serve with UnknownOperationException', async () => {
    expect((await call('AdminCreateUser', {})).body.__type).toBe('UnknownOperationException');
  });
});

describe('the pool as an issuer', () => {
  it('publishes its keys at <issuer>/.well-known/jwks.json, and they verify its tokens', async () => {
    const { IdToken } = await tokensOf(server, ORGANIZER);
    const keys = createRemoteJWKSet(new URL(`${server.userPool!.issuer}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(IdToken, keys, { issuer: server.userPool!.issuer, audience: server.userPool!.clientId });
    expect(payload).toMatchObject({ 'cognito:username': ORGANIZER.username, 'cognito:groups': ['organizers'], token_use: 'id' });
  });

  it('names itself like Cognito: issuer <origin>/cognito-idp/<region>_<id>', () => {
    expect(server.userPool!.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cognito-idp\/us-east-1_[A-Za-z0-9]{9}$/);
    expect(server.userPool!.clientId).toMatch(/^[a-z0-9]{26}$/);
  });
});

describe('the client configuration', () => {
  it('carries the auth block of the local pool and its endpoint in amplify_outputs.json', async () => {
    const outputs = await (await fetch(server.url.replace(/\/graphql$/, '/amplify_outputs.json'))).json();
    const pool = server.userPool!;
    expect(outputs.auth).toMatchObject({ aws_region: 'us-east-1', user_pool_id: pool.userPoolId, user_pool_client_id: pool.clientId, groups: [{ organizers: { precedence: 0 } }] });
    expect(outputs.data).toMatchObject({ default_authorization_type: 'API_KEY', authorization_types: ['AMAZON_COGNITO_USER_POOLS'] });
    expect(outputs.custom).toEqual({ user_pool_endpoint: `${new URL(server.url).origin}/cognito-idp/` });
  });
});

describe('users in the data folder', () => {
  it('keeps users, ids and keys across a restart, with scrypt hashes instead of passwords', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'handsup-pool-'));
    const declaration = writeAuthApi();
    const first = await startAuthApi({ declaration, dataDir, users: [ORGANIZER] });
    const token = (await tokensOf(first, ORGANIZER)).IdToken;
    const ids = { pool: first.userPool!.userPoolId, client: first.userPool!.clientId, sub: first.userPool!.users.get(ORGANIZER.username)!.sub };
    await first.close();

    const stored = readFileSync(join(dataDir, 'user-pool', 'users.json'), 'utf8');
    expect(stored).not.toContain(ORGANIZER.password);
    expect(JSON.parse(stored)[0].passwordHash).toMatch(/^scrypt\$/);

    const second = await startAuthApi({ declaration, dataDir, users: [], port: Number(new URL(first.url).port) });
    try {
      expect({ pool: second.userPool!.userPoolId, client: second.userPool!.clientId, sub: second.userPool!.users.get(ORGANIZER.username)!.sub }).toEqual(ids);
      expect((await initiateAuth(second, ORGANIZER.username, ORGANIZER.password)).status).toBe(200);
      expect((await post(second, '{ secret }', { authorization: token })).body).toEqual({ data: { secret: 'the secret' } });
    } finally {
      await second.close();
    }
  });

  it('refuses to start with a user in a group the pool does not have', async () => {
    await expect(startAuthApi({ users: [{ username: 'x', password: 'y', groups: ['admins'] }] })).rejects.toThrow(/no group named admins/);
  });
});

describe('--user', () => {
  it('reads name:password:group,group', () => {
    expect(parseUserSpec('olivia:s3cret:organizers,staff')).toEqual({ username: 'olivia', password: 's3cret', groups: ['organizers', 'staff'] });
  });

  it('reads name:password as a user in no group', () => {
    expect(parseUserSpec('vic:pw')).toEqual({ username: 'vic', password: 'pw', groups: [] });
  });

  it('refuses a spec without a password', () => {
    expect(() => parseUserSpec('vic')).toThrow(/expected name:password/);
  });
});
