// AppSync's real-time protocol, frame by frame: handshake, credentials, keep-alive,
// start/stop, idle connections. Raw frames through a small client (test/support).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { ProtocolClient } from '../support/protocol-client.ts';
import { putItem, startRealtimeApi } from '../support/realtime-api.ts';

const ON_ITEM = 'subscription OnItem($id: ID) { onItem(id: $id) { id title } }';

let server: LocalAppSync;
const clients: ProtocolClient[] = [];

beforeAll(async () => {
  server = await startRealtimeApi();
});
afterEach(() => {
  for (const client of clients.splice(0)) client.close();
});
afterAll(() => server?.close());

async function connect(options: Parameters<typeof ProtocolClient.connect>[1] = {}, on = server) {
  const client = await ProtocolClient.connect(on.realtimeUrl, { apiKey: on.apiKey, ...options });
  clients.push(client);
  return client;
}

describe('handshake', () => {
  it('selects the graphql-ws subprotocol', async () => {
    const client = await connect();
    expect(client.socket.protocol).toBe('graphql-ws');
  });

  it('answers connection_init with connection_ack carrying connectionTimeoutMs', async () => {
    const client = await connect();
    expect(await client.init()).toEqual({ type: 'connection_ack', payload: { connectionTimeoutMs: 300000 } });
  });

  it('sends a ka right after the connection_ack', async () => {
    const client = await connect();
    await client.init();
    expect(await client.next({ keepAlives: true })).toEqual({ type: 'ka' });
  });

  it('takes credentials from the header- subprotocol, as aws-amplify v6 sends them', async () => {
    const client = await connect({ auth: 'subprotocol' });
    expect((await client.init()).type).toBe('connection_ack');
  });

  it('takes credentials from the header query parameter, as older clients and the AWS docs send them', async () => {
    const client = await connect({ auth: 'query' });
    expect((await client.init()).type).toBe('connection_ack');
  });

  it('takes credentials from plain HTTP headers', async () => {
    const client = await connect({ auth: 'headers' });
    expect((await client.init()).type).toBe('connection_ack');
  });

  it('refuses credentials it does not accept with connection_error, as AppSync words it, and closes', async () => {
    const client = await connect({ apiKey: 'da2-notakeythisservergave000' });
    client.send({ type: 'connection_init' });
    expect(await client.next()).toEqual({
      type: 'connection_error',
      payload: {
        errors: [{ errorType: 'com.amazonaws.deepdish.graphql.auth#UnauthorizedException', message: 'You are not authorized to make this call.', errorCode: 400 }],
      },
    });
    expect((await client.closed).code).toBe(1000);
  });

  it('refuses a client that does not offer the graphql-ws subprotocol with connection_error', async () => {
    const client = await connect({ graphqlWs: false, auth: 'query' });
    client.send({ type: 'connection_init' });
    expect(await client.next()).toEqual({ type: 'connection_error', payload: { errors: [{ message: 'NoProtocolError', errorCode: 400 }] } });
  });
});

describe('subscriptions', () => {
  it('acknowledges a start with start_ack carrying its id', async () => {
    const client = await connect();
    await client.init();
    client.start('sub-1', ON_ITEM);
    expect(await client.next()).toEqual({ type: 'start_ack', id: 'sub-1' });
  });

  it('sends data for the subscription id, with payload.data an object', async () => {
    const client = await connect();
    await client.init();
    await client.subscribe('sub-1', ON_ITEM, { id: 'a1' });
    await putItem(server, { id: 'a1', title: 'First' });
    expect(await client.next()).toEqual({ type: 'data', id: 'sub-1', payload: { data: { onItem: { id: 'a1', title: 'First' } } } });
  });

  it('answers stop with complete and delivers nothing more for that id', async () => {
    const client = await connect();
    await client.init();
    await client.subscribe('sub-1', ON_ITEM, { id: 'a2' });
    client.stop('sub-1');
    expect(await client.next()).toEqual({ type: 'complete', id: 'sub-1' });
    await putItem(server, { id: 'a2' });
    expect(await client.framesUntilSettled()).toEqual([]);
  });

  it('serves a start sent before connection_init: the init is optional', async () => {
    const client = await connect();
    client.start('early', ON_ITEM, { id: 'a3' });
    expect(await client.next()).toEqual({ type: 'start_ack', id: 'early' });
  });

  it('takes a start again with the same id after a reconnect, as aws-amplify resends it', async () => {
    const first = await connect();
    await first.init();
    await first.subscribe('same-id', ON_ITEM, { id: 'a4' });
    first.close();
    const second = await connect();
    await second.init();
    second.start('same-id', ON_ITEM, { id: 'a4' });
    expect(await second.next()).toEqual({ type: 'start_ack', id: 'same-id' });
  });
});

describe('keep-alive and idle connections', () => {
  let fast: LocalAppSync;
  beforeAll(async () => {
    fast = await startRealtimeApi({ realtime: { keepAliveMs: 20, connectionTimeoutMs: 150 } });
  });
  afterAll(() => fast?.close());

  it('keeps sending ka at the keep-alive interval', async () => {
    const client = await connect({ apiKey: fast.apiKey }, fast);
    await client.init();
    const frames = [];
    for (let i = 0; i < 4; i++) frames.push(await client.next({ keepAlives: true }));
    expect(frames).toEqual([{ type: 'ka' }, { type: 'ka' }, { type: 'ka' }, { type: 'ka' }]);
  });

  it('tells the client its connection timeout in connection_ack', async () => {
    const client = await connect({ apiKey: fast.apiKey }, fast);
    expect((await client.init()).payload).toEqual({ connectionTimeoutMs: 150 });
  });

  it('closes a connection that has had no subscription for connectionTimeoutMs', async () => {
    const client = await connect({ apiKey: fast.apiKey }, fast);
    await client.init();
    expect((await client.closed).code).toBe(1000);
  });

  it('keeps a connection with a subscription open past connectionTimeoutMs', async () => {
    const client = await connect({ apiKey: fast.apiKey }, fast);
    await client.init();
    await client.subscribe('kept', ON_ITEM);
    // Twelve keep-alives 20 ms apart span more than the 150 ms timeout.
    for (let i = 0; i < 12; i++) await client.expect('ka');
    expect(client.socket.readyState).toBe(client.socket.OPEN);
  });

  it('closes a connection once its last subscription stopped and connectionTimeoutMs passed', async () => {
    const client = await connect({ apiKey: fast.apiKey }, fast);
    await client.init();
    await client.subscribe('brief', ON_ITEM);
    client.stop('brief');
    expect((await client.closed).code).toBe(1000);
  });
});
