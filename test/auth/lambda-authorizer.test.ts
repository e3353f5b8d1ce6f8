// AWS_LAMBDA authorization (security-authz.html): the authorizer function's event and
// answer, resolverContext as ctx.identity.resolverContext, deniedFields (in subscription pushes too), its cache,
// refusals, @aws_lambda — over HTTP, the real-time protocol and the unmodified aws-amplify client.
import { fileURLToPath } from 'node:url';
import { generateClient } from 'aws-amplify/api';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { amplifyClientFor } from '../support/amplify-node.ts';
import { graphql } from '../support/local-appsync.ts';
import { ProtocolClient } from '../support/protocol-client.ts';

const DECLARATION = fileURLToPath(new URL('./fixtures/lambda-auth/api.json', import.meta.url));

let server: LocalAppSync;
beforeAll(async () => {
  server = await startLocalAppSync({ declaration: DECLARATION, port: 0, host: '127.0.0.1', dataDir: null });
});
afterAll(() => server?.close());

const asToken = <T = any>(token: string, query: string, variables: Record<string, unknown> = {}) => graphql<T>(server, query, variables, { authorization: token });
const WHOAMI = 'query Who { whoami { authType identity } }';

describe('the authorizer', () => {
  it("is given AppSync's event: the token, the request context with the query, and the request headers", async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'event' },
      body: JSON.stringify({ query: WHOAMI, operationName: 'Who', variables: {} }),
    });
    const body = (await response.json()) as any;
    const event = JSON.parse(JSON.parse(body.data.whoami.identity).resolverContext.event);
    expect(event).toMatchObject({
      authorizationToken: 'event',
      requestContext: { accountId: '123456789012', queryString: WHOAMI, operationName: 'Who', variables: {} },
      requestHeaders: { authorization: 'event', 'content-type': 'application/json' },
    });
    expect(event.requestContext.apiId).toMatch(/^[0-9a-f]{26}$/);
    expect(event.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("lets an authorized caller through with its resolverContext as ctx.identity.resolverContext and util.authType() 'Lambda Authorization'", async () => {
    const { status, body } = await asToken('allow-ada', WHOAMI);
    expect(status).toBe(200);
    expect(body.data.whoami.authType).toBe('Lambda Authorization');
    expect(JSON.parse(body.data.whoami.identity)).toEqual({ resolverContext: { user: 'ada', invocation: expect.any(String) } });
  });

  it.each([
    ['isAuthorized false', 'deny'],
    ['a throwing authorizer', 'throw'],
    ['an authorizer that runs out of time', 'slow'],
    ['an answer without isAuthorized', 'malformed'],
    ['a token that fails identityValidationExpression', 'NOT VALID'],
  ])('refuses %s with a 401 UnauthorizedException', async (_case, token) => {
    const { status, body } = await asToken(token, WHOAMI);
    expect(status).toBe(401);
    expect(body).toEqual({ errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] });
  });

  it('denies deniedFields, named as Type.field or by ARN, with an Unauthorized field error, and serves the rest', async () => {
    const { body } = await asToken('limited', 'query { secret both whoami { authType } }');
    expect(body.data).toEqual({ secret: null, both: null, whoami: { authType: 'Lambda Authorization' } });
    expect(body.errors!.map((e: any) => [e.path[0], e.errorType, e.message])).toEqual([
      ['secret', 'Unauthorized', 'Not Authorized to access secret on type Query'],
      ['both', 'Unauthorized', 'Not Authorized to access both on type Query'],
    ]);
  });

  it('nulls deniedFields in a subscription push with an Unauthorized error, while another subscriber gets them', async () => {
    const denied = await ProtocolClient.connect(server.realtimeUrl, { authorization: 'no-author' });
    const allowed = await ProtocolClient.connect(server.realtimeUrl, { authorization: 'allow-gil' });
    try {
      await Promise.all([denied.init(), allowed.init()]);
      await Promise.all([denied.subscribe('d', 'subscription { onPost { text by } }'), allowed.subscribe('a', 'subscription { onPost { text by } }')]);
      await asToken('allow-hal', 'mutation { post(text: "pushed") { text by } }');
      expect((await denied.expect('data', 'd')).payload).toEqual({
        data: { onPost: { text: 'pushed', by: null } },
        errors: [{ message: 'Not Authorized to access by on type Message', path: ['onPost', 'by'], errorType: 'Unauthorized' }],
      });
      expect((await allowed.expect('data', 'a')).payload).toEqual({ data: { onPost: { text: 'pushed', by: 'hal' } } });
    } finally {
      denied.close();
      allowed.close();
    }
  });

  it("keeps an answer for its ttlOverride: the same token is not sent to the function again", async () => {
    const first = await asToken('cached-1', WHOAMI);
    const second = await asToken('cached-1', WHOAMI);
    expect(second.body.data.whoami.identity).toBe(first.body.data.whoami.identity);
  });

  it('calls the function for each request when the answer is not to be cached', async () => {
    const first = JSON.parse((await asToken('allow-bob', WHOAMI)).body.data.whoami.identity);
    const second = JSON.parse((await asToken('allow-bob', WHOAMI)).body.data.whoami.identity);
    expect(Number(second.resolverContext.invocation)).toBeGreaterThan(Number(first.resolverContext.invocation));
  });
});

describe('@aws_lambda', () => {
  it('refuses a Lambda caller a field without @aws_lambda', async () => {
    const { body } = await asToken('allow-ada', 'query { keyOnly }');
    expect(body.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access keyOnly on type Query' })]);
  });

  it('refuses an API-key caller a field with only @aws_lambda', async () => {
    const { body } = await graphql(server, 'query { secret }');
    expect(body.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized', message: 'Not Authorized to access secret on type Query' })]);
  });
});

describe("the unmodified aws-amplify client with authMode 'lambda'", () => {
  it('queries with its authToken over HTTP', async () => {
    const client = await amplifyClientFor(server);
    const result: any = await client.graphql({ query: WHOAMI, authMode: 'lambda', authToken: 'allow-carol' });
    expect(JSON.parse(result.data.whoami.identity).resolverContext.user).toBe('carol');
  });

  it('subscribes over the real-time protocol with its authToken and receives a mutation sent with another', async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
    const client = await amplifyClientFor(server);
    const received = new Promise<any>((resolve, reject) => {
      const subscription = (client.graphql({ query: 'subscription { onPost { text by } }', authMode: 'lambda', authToken: 'allow-dave' }) as any).subscribe({
        next: (message: any) => {
          subscription.unsubscribe();
          resolve(message.data.onPost);
        },
        error: reject,
      });
    });
    // The start is acknowledged before the mutation is sent: wait until the server holds the subscription.
    for (let i = 0; i < 200 && server.realtime.registry.size === 0; i++) await new Promise((r) => setTimeout(r, 25));
    await client.graphql({ query: 'mutation { post(text: "hello") { text by } }', authMode: 'lambda', authToken: 'allow-erin' });
    expect(await received).toEqual({ text: 'hello', by: 'erin' });
  });

  it('is refused a subscription when the authorizer says no', async () => {
    const client = await amplifyClientFor(server);
    const error = await new Promise<any>((resolve) => {
      (client.graphql({ query: 'subscription { onPost { text } }', authMode: 'lambda', authToken: 'deny' }) as any).subscribe({
        next: () => resolve(new Error('delivered')),
        error: resolve,
      });
    });
    expect(JSON.stringify(error.errors ?? error)).toMatch(/Unauthorized/);
  });
});
