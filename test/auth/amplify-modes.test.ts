// The unmodified aws-amplify v6 client against the local AppSync in the modes a
// real app configures: authMode 'iam' with IAM credentials (a credentials
// provider, as a Node backend or an app with its own credentials gives them) and
// authMode 'oidc' with an OpenID provider's token (a token provider), on HTTP and
// on the real-time endpoint.
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { decodeJWT } from 'aws-amplify/auth';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { installRealtimeWebSocket } from '../../web/src/api/websocket.ts';
import { startOidcIssuer, type OidcIssuer } from '../support/oidc-issuer.ts';
import { IAM_USER, startModesApi } from './modes-api.ts';

let issuer: OidcIssuer;
let server: LocalAppSync;
/** The generated client, typed loosely: its full type is too deep for tsc to compare here. */
let client: { graphql(options: { query: string; authMode: 'iam' | 'oidc' }): any };
let oidcToken: string;

beforeAll(async () => {
  issuer = await startOidcIssuer();
  server = await startModesApi(issuer.issuer);
  oidcToken = await issuer.token({ sub: 'amplify-oidc-user' });
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  installRealtimeWebSocket(server.url);
  const outputs = await (await fetch(server.url.replace(/\/graphql$/, '/amplify_outputs.json'))).json();
  Amplify.configure(outputs, {
    Auth: {
      credentialsProvider: {
        getCredentialsAndIdentityId: async () => ({ credentials: { accessKeyId: IAM_USER.accessKeyId, secretAccessKey: IAM_USER.secretAccessKey } }),
        clearCredentialsAndIdentityId: () => {},
      },
      tokenProvider: { getTokens: async () => ({ accessToken: decodeJWT(oidcToken) }) },
    },
  });
  client = generateClient() as typeof client;
});
afterAll(async () => {
  await server?.close();
  await issuer?.close();
});

async function until(check: () => boolean, timeoutMs = 5000) {
  for (const start = Date.now(); !check(); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
  }
}

const whoami = async (authMode: 'iam' | 'oidc') => JSON.parse(((await client.graphql({ query: '{ whoami }', authMode })) as any).data.whoami);

/** Subscribes with the auth mode given and resolves once the server holds the subscription. */
async function subscribe(query: string, authMode: 'iam' | 'oidc') {
  const received: any[] = [];
  const errors: unknown[] = [];
  const before = server.realtime.registry.size;
  const subscription = (client.graphql({ query, authMode }) as any).subscribe({
    next: (message: any) => received.push(message.data),
    error: (error: unknown) => errors.push(error),
  });
  await until(() => server.realtime.registry.size > before || errors.length > 0);
  return { received, errors, unsubscribe: () => subscription.unsubscribe() };
}

describe('aws-amplify with authMode iam', () => {
  it('signs its query and is answered as the IAM user', async () => {
    const answer = await whoami('iam');
    expect(answer.authType).toBe('IAM Authorization');
    expect(answer.identity.userArn).toMatch(/:user\/backend$/);
  });

  it('receives, on a signed subscription, what a signed mutation publishes', async () => {
    const sub = await subscribe('subscription { onPublishForIam { text } }', 'iam');
    expect(sub.errors).toEqual([]);
    await client.graphql({ query: 'mutation { publish(text: "from iam") { text } }', authMode: 'iam' });
    await until(() => sub.received.length === 1);
    expect(sub.received).toEqual([{ onPublishForIam: { text: 'from iam' } }]);
    sub.unsubscribe();
  });
});

describe('aws-amplify with authMode oidc', () => {
  it('sends the provider’s token and is answered as its subject', async () => {
    const answer = await whoami('oidc');
    expect(answer.authType).toBe('Open ID Connect Authorization');
    expect(answer.identity.sub).toBe('amplify-oidc-user');
  });

  it('receives, on a subscription made with the token, what a mutation publishes', async () => {
    const sub = await subscribe('subscription { onPublish { text } }', 'oidc');
    expect(sub.errors).toEqual([]);
    await client.graphql({ query: 'mutation { publish(text: "from oidc") { text } }', authMode: 'oidc' });
    await until(() => sub.received.length === 1);
    expect(sub.received).toEqual([{ onPublish: { text: 'from oidc' } }]);
    sub.unsubscribe();
  });

  it('is refused an @aws_iam field with AppSync’s Unauthorized error', async () => {
    const failure = await client.graphql({ query: '{ iamOnly }', authMode: 'oidc' }).then(
      () => undefined,
      (error: any) => error,
    );
    expect(failure.errors.map((e: any) => [e.errorType, e.message])).toEqual([['Unauthorized', 'Not Authorized to access iamOnly on type Query']]);
  });
});
