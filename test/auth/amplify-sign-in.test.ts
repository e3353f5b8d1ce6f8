// Signing in against the local user pool with the unmodified aws-amplify v6 auth
// client in Node, and calling the API as that user (authMode 'userPool').
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { fetchAuthSession, fetchUserAttributes, getCurrentUser, signIn, signOut } from 'aws-amplify/auth';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { amplifyConfig } from '../../local/user-pool/client.ts';
import { MEMBER, ORGANIZER, startAuthApi } from './api.ts';

let server: LocalAppSync;
/** client.graphql of generateClient(), narrowed: its full type is too deep for the checker here. */
let client: { graphql(options: { query: string; authMode?: 'userPool' | 'apiKey' }): Promise<unknown> };

beforeAll(async () => {
  server = await startAuthApi();
  const outputs = await (await fetch(server.url.replace(/\/graphql$/, '/amplify_outputs.json'))).json();
  Amplify.configure(amplifyConfig(outputs));
  client = generateClient() as unknown as typeof client;
});
afterEach(() => signOut());
afterAll(() => server?.close());

const signInAs = (user: { username: string; password: string }) =>
  signIn({ username: user.username, password: user.password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });

describe('aws-amplify signIn against the local user pool', () => {
  it('signs an organizer in, who then reads an organizers-only field with authMode userPool', async () => {
    expect(await signInAs(ORGANIZER)).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const answer: any = await client.graphql({ query: '{ secret }', authMode: 'userPool' });
    expect(answer.data).toEqual({ secret: 'the secret' });
  });

  it('refuses a wrong password with Cognito’s NotAuthorizedException', async () => {
    const refused = await signInAs({ username: ORGANIZER.username, password: 'wrong' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('refuses an unknown user with the same words as a wrong password (PreventUserExistenceErrors)', async () => {
    const refused = await signInAs({ username: 'nobody', password: 'whatever' }).catch((error: unknown) => error);
    expect(refused).toMatchObject({ name: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('names the signed-in user with getCurrentUser', async () => {
    await signInAs(ORGANIZER);
    const user = await getCurrentUser();
    expect(user.username).toBe(ORGANIZER.username);
    expect(user.userId).toBe(server.userPool!.users.get(ORGANIZER.username)!.sub);
  });

  it('puts the user’s groups in the tokens fetchAuthSession returns', async () => {
    await signInAs(ORGANIZER);
    const { tokens } = await fetchAuthSession();
    expect(tokens?.accessToken.payload['cognito:groups']).toEqual(['organizers']);
    expect(tokens?.idToken?.payload).toMatchObject({ 'cognito:username': ORGANIZER.username, token_use: 'id', aud: server.userPool!.clientId });
  });

  it('refreshes the tokens through the pool when fetchAuthSession is forced to', async () => {
    await signInAs(ORGANIZER);
    const before = (await fetchAuthSession()).tokens!.accessToken.payload.jti;
    const after = (await fetchAuthSession({ forceRefresh: true })).tokens!;
    expect(after.accessToken.payload.jti).not.toBe(before);
    const answer: any = await client.graphql({ query: '{ secret }', authMode: 'userPool' });
    expect(answer.data.secret).toBe('the secret');
  });

  it('reads the user’s attributes with fetchUserAttributes (GetUser)', async () => {
    await signInAs(MEMBER);
    expect(await fetchUserAttributes()).toEqual({ sub: server.userPool!.users.get(MEMBER.username)!.sub });
  });

  it('revokes the session on signOut (RevokeToken): the pool then refuses its access token', async () => {
    await signInAs(MEMBER);
    const accessToken = (await fetchAuthSession()).tokens!.accessToken.toString();
    await signOut();
    const response = await fetch(server.userPool!.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.GetUser' },
      body: JSON.stringify({ AccessToken: accessToken }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ __type: 'NotAuthorizedException', message: 'Access Token has been revoked' });
  });

  it('gives a signed-in user outside the group null and Unauthorized on an organizers-only field', async () => {
    await signInAs(MEMBER);
    const refused: any = await client.graphql({ query: '{ secret }', authMode: 'userPool' }).catch((error: unknown) => error);
    expect(refused.data).toEqual({ secret: null });
    expect(refused.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access secret on type Query', path: ['secret'] })]);
  });
});
