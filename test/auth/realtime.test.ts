// Auth on the real-time WebSocket: the handshake's credentials, each start's own
// (payload.extensions.authorization), and the subscription field's directives,
// checked when the subscription starts.
import { Amplify } from 'aws-amplify';
import { generateClient } from 'aws-amplify/api';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { amplifyConfig } from '../../local/user-pool/client.ts';
import { installRealtimeWebSocket } from '../../web/src/api/websocket.ts';
import { accessClaims, MEMBER, ORGANIZER, post, signToken, startAuthApi, tokensOf } from './api.ts';

type Frame = { type: string; id?: string; payload?: any };
type Credentials = Record<string, string>;

let server: LocalAppSync;
let organizer: Credentials;
let member: Credentials;
let voter: Credentials;

beforeAll(async () => {
  server = await startAuthApi();
  organizer = { Authorization: (await tokensOf(server, ORGANIZER)).AccessToken };
  member = { Authorization: (await tokensOf(server, MEMBER)).AccessToken };
  voter = { 'x-api-key': server.apiKey };
});
afterAll(() => server?.close());

/** A socket speaking AppSync's protocol as aws-amplify does: credentials in the `header-` subprotocol and in each start. */
async function connect(credentials: Credentials) {
  const host = new URL(server.url).host;
  const header = Buffer.from(JSON.stringify({ host, ...credentials })).toString('base64url');
  const socket = new WebSocket(server.realtimeUrl, ['graphql-ws', `header-${header}`]);
  const frames: Frame[] = [];
  socket.on('message', (raw) => frames.push(JSON.parse(raw.toString())));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  socket.send(JSON.stringify({ type: 'connection_init' }));
  const next = async (type: string, id?: string): Promise<Frame> => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const index = frames.findIndex((f) => (f.type === type || f.type === 'error' || f.type === 'connection_error') && (id === undefined || f.id === id || !f.id));
      if (index >= 0 && frames[index]!.type !== 'ka') return frames.splice(index, 1)[0]!;
      if (Date.now() > deadline) throw new Error(`no ${type} frame; got ${JSON.stringify(frames)}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const start = (id: string, query: string, startCredentials: Credentials = credentials) =>
    socket.send(JSON.stringify({ id, type: 'start', payload: { data: JSON.stringify({ query, variables: {} }), extensions: { authorization: { host, ...startCredentials } } } }));
  return { socket, next, start, close: () => socket.close() };
}

const notAuthorized = (id: string, field: string) => ({
  type: 'error',
  id,
  payload: { errors: [{ errorType: 'Unauthorized', message: `Not Authorized to access ${field} on type Subscription` }] },
});

describe('subscriptions and auth', () => {
  it('refuses an API-key subscriber an organizers-only subscription with AppSync’s Unauthorized error', async () => {
    const client = await connect(voter);
    await client.next('connection_ack');
    client.start('1', 'subscription { onPublish { text } }');
    expect(await client.next('start_ack', '1')).toEqual(notAuthorized('1', 'onPublish'));
    client.close();
  });

  it('refuses a signed-in user outside the organizers group the same way', async () => {
    const client = await connect(member);
    await client.next('connection_ack');
    client.start('1', 'subscription { onPublish { text } }');
    expect(await client.next('start_ack', '1')).toEqual(notAuthorized('1', 'onPublish'));
    client.close();
  });

  it('lets an organizer subscribe with a user-pool token and delivers what an organizer publishes', async () => {
    const client = await connect(organizer);
    await client.next('connection_ack');
    client.start('1', 'subscription { onPublish { text } }');
    expect(await client.next('start_ack', '1')).toEqual({ type: 'start_ack', id: '1' });
    await post(server, 'mutation { publish(text: "hello") { text } }', { authorization: organizer.Authorization! });
    expect(await client.next('data', '1')).toEqual({ type: 'data', id: '1', payload: { data: { onPublish: { text: 'hello' } } } });
    client.close();
  });

  it('delivers nothing when a voter’s publish is refused', async () => {
    const client = await connect(voter);
    await client.next('connection_ack');
    client.start('1', 'subscription { onPublishForEveryone { text } }');
    await client.next('start_ack', '1');
    expect((await post(server, 'mutation { publish(text: "spoof") { text } }', voter)).body.data).toEqual({ publish: null });
    await post(server, 'mutation { publish(text: "real") { text } }', { authorization: organizer.Authorization! });
    expect(await client.next('data', '1')).toEqual({ type: 'data', id: '1', payload: { data: { onPublishForEveryone: { text: 'real' } } } });
    client.close();
  });

  it('refuses a start whose own token has expired, with the words of the 401', async () => {
    const client = await connect(organizer);
    await client.next('connection_ack');
    const past = Math.floor(Date.now() / 1000) - 7200;
    const expired = await signToken(accessClaims(server, { iat: past, exp: past + 3600 }), server.userPool!.keys.access);
    client.start('1', 'subscription { onPublish { text } }', { Authorization: expired });
    expect(await client.next('start_ack', '1')).toEqual({ type: 'error', id: '1', payload: { errors: [{ errorType: 'UnauthorizedException', message: 'Token has expired.' }] } });
    client.close();
  });

  it('refuses a handshake whose token is forged with a connection_error', async () => {
    const forged = await signToken(accessClaims(server, { iss: 'https://example.com/pool' }), server.userPool!.keys.access);
    const client = await connect({ Authorization: forged });
    const frame = await client.next('connection_ack');
    expect(frame.type).toBe('connection_error');
    expect(frame.payload.errors[0]).toMatchObject({ errorType: expect.stringContaining('UnauthorizedException') });
    client.close();
  });
});

describe('the unmodified aws-amplify client', () => {
  it('reports Unauthorized to an API-key subscriber of an organizers-only subscription', async () => {
    (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
    installRealtimeWebSocket(server.url);
    Amplify.configure(amplifyConfig(await (await fetch(server.url.replace(/\/graphql$/, '/amplify_outputs.json'))).json()));
    const client = generateClient();
    const error = await new Promise<any>((resolve) => {
      (client.graphql({ query: 'subscription { onPublish { text } }', authMode: 'apiKey' }) as any).subscribe({
        next: () => resolve(new Error('delivered to a voter')),
        error: resolve,
      });
    });
    expect(error.errors ?? error).toEqual([expect.objectContaining({ message: expect.stringContaining('Not Authorized to access onPublish on type Subscription') })]);
  });
});
