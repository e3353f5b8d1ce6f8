// The real-time endpoint with its sockets in two worker processes (realtime.workers: 2):
// the same protocol, auth and filtering, every publish reaching subscribers on the
// workers exactly once and in order; the workers accept on the server's port instead of
// the main process and hand back what is not theirs, which the main process serves as if
// it had accepted it.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { ProtocolClient, type Frame } from '../support/protocol-client.ts';
import { putItem, realtimeApiForFile, request, writeRealtimeApi } from '../support/realtime-api.ts';

const api = realtimeApiForFile({ realtime: { workers: 2 } });

/** Connected, acknowledged clients, one after the other. */
async function clients(count: number) {
  const opened: ProtocolClient[] = [];
  for (let i = 0; i < count; i++) opened.push(await api.connected());
  return opened;
}

const sum = (counts: number[]) => counts.reduce((a, b) => a + b, 0);

/** A raw TCP connection to the server's port, and what comes back until `until` matches. */
async function raw(port: number) {
  const socket = connect(port, '127.0.0.1');
  await new Promise<Socket>((resolve, reject) => socket.once('connect', () => resolve(socket)).once('error', reject));
  let text = '';
  socket.on('data', (chunk) => (text += chunk.toString('latin1')));
  return {
    socket,
    async answer(until: RegExp) {
      for (let waited = 0; !until.test(text); waited += 10) {
        if (waited > 10_000) throw new Error(`no answer matching ${until}: ${JSON.stringify(text)}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return text;
    },
  };
}

const dataFrames = (frames: Frame[]) => frames.filter((frame) => frame.type === 'data');

describe('sockets in two worker processes', () => {
  it('serves every real-time socket in a worker', async () => {
    const before = sum(api.server.realtime.connectionsPerWorker);
    const total = api.server.realtime.connectionCount;
    await clients(4);
    expect(sum(api.server.realtime.connectionsPerWorker) - before).toBe(4);
    expect(api.server.realtime.connectionCount - total).toBe(4);
  });

  it('hands an HTTP connection a worker accepted back to the main process, with the bytes it had read', async () => {
    const handedBack = api.server.realtime.connectionsHandedBack;
    const { socket, answer } = await raw(api.server.port);
    const body = JSON.stringify({ query: 'mutation { publishItem(id: "back", title: "Handed back") { id title } }' });
    socket.write(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nx-api-key: ${api.server.apiKey}\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.write(body.slice(10));
    const text = await answer(/\}\}\}$/);
    expect(text.startsWith('HTTP/1.1 200')).toBe(true);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toEqual({ data: { publishItem: { id: 'back', title: 'Handed back' } } });
    expect(api.server.realtime.connectionsHandedBack - handedBack).toBe(1);
    socket.destroy();
  });

  it('hands back a handshake it does not keep, which the main process answers as always', async () => {
    const handedBack = api.server.realtime.connectionsHandedBack;
    const draft = await raw(api.server.port);
    draft.socket.write('GET /graphql/realtime HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n');
    expect(await draft.answer(/\r\n\r\n/)).toMatch(/^HTTP\/1\.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\n/);
    const plain = await raw(api.server.port);
    plain.socket.write('GET /graphql/realtime HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(await plain.answer(/BadRequestException/)).toMatch(/^HTTP\/1\.1 400/);
    expect(api.server.realtime.connectionsHandedBack - handedBack).toBe(2);
    draft.socket.destroy();
    plain.socket.destroy();
  });

  it('delivers every publish exactly once and in order to subscribers on both workers', async () => {
    const subscribers = await clients(6);
    for (const [i, client] of subscribers.entries()) await client.subscribe(`s${i}`, 'subscription { onItem(group: "ordered") { id severity } }');
    for (let n = 0; n < 25; n++) await putItem(api.server, { id: `o${n}`, group: 'ordered', severity: n });
    for (const [i, client] of subscribers.entries()) {
      const frames = dataFrames(await client.framesUntilSettled());
      expect(frames.map((frame) => frame.id)).toEqual(Array(25).fill(`s${i}`));
      expect(frames.map((frame) => frame.payload.data.onItem.severity)).toEqual(Array.from({ length: 25 }, (_, n) => n));
    }
  });

  it('delivers once to each of a connection’s subscriptions that share a document, in the order published', async () => {
    const [client] = await clients(1);
    for (const id of ['a', 'b', 'c']) await client!.subscribe(id, 'subscription { onItem(group: "shared") { id severity } }');
    for (let n = 0; n < 3; n++) await putItem(api.server, { id: `x${n}`, group: 'shared', severity: n });
    const frames = dataFrames(await client!.framesUntilSettled());
    for (const id of ['a', 'b', 'c']) {
      expect(frames.filter((frame) => frame.id === id).map((frame) => frame.payload.data.onItem.severity)).toEqual([0, 1, 2]);
    }
    expect(frames).toHaveLength(9);
  });

  it('delivers nothing more to a stopped subscription, and still to the others of its connection', async () => {
    const [client] = await clients(1);
    for (const id of ['kept', 'stopped']) await client!.subscribe(id, 'subscription { onItem(group: "stopping") { id } }');
    client!.stop('stopped');
    await client!.expect('complete', 'stopped');
    await putItem(api.server, { id: 'after', group: 'stopping' });
    expect(await client!.framesUntilSettled()).toEqual([{ type: 'data', id: 'kept', payload: { data: { onItem: { id: 'after' } } } }]);
  });

  it('tells an invalidated subscription complete and delivers nothing more to it', async () => {
    const [client] = await clients(1);
    await client!.subscribe('members', 'subscription { onGuarded(group: "crew") { id } }');
    await request(api.server, 'mutation { removeGroup(group: "crew") { group } }');
    await client!.expect('complete', 'members');
    await putItem(api.server, { id: 'late', group: 'crew' });
    expect(await client!.framesUntilSettled()).toEqual([]);
  });

  it('evaluates enhanced filters for subscribers on either worker', async () => {
    const subscribers = await clients(2);
    for (const client of subscribers) await client.subscribe('severe', 'subscription { onSevere(minSeverity: 5) { id severity } }');
    await putItem(api.server, { id: 'mild', severity: 3 });
    await putItem(api.server, { id: 'grave', severity: 7 });
    for (const client of subscribers) {
      expect(dataFrames(await client.framesUntilSettled()).map((frame) => frame.payload.data.onSevere)).toEqual([{ id: 'grave', severity: 7 }]);
    }
  });

  it('runs each start’s resolver and answers its refusal on the connection that sent it', async () => {
    const [first, second] = await clients(2);
    second!.start('refused', 'subscription { onGuarded(group: "secret") { id } }');
    const refusal = await second!.expect('error', 'refused');
    expect(refusal.payload.errors[0].errorType).toBe('Unauthorized');
    expect(await first!.framesUntilSettled()).toEqual([]);
  });

  it('refuses credentials it does not accept with connection_error and closes, from a worker too', async () => {
    const refused: ProtocolClient[] = [];
    for (let i = 0; i < 2; i++) refused.push(await ProtocolClient.connect(api.server.realtimeUrl, { apiKey: 'da2-notakeythisservergave000' }));
    for (const client of refused) {
      client.send({ type: 'connection_init' });
      expect((await client.next()).type).toBe('connection_error');
      expect((await client.closed).code).toBe(1000);
    }
  });

  it('removes the subscriptions of a socket its client closed', async () => {
    const [client] = await clients(1);
    await client!.subscribe('gone', 'subscription { onItem(group: "gone") { id } }');
    const withIt = api.server.realtime.registry.size;
    client!.close();
    await client!.closed;
    await expect.poll(() => api.server.realtime.registry.size).toBe(withIt - 1);
  });
});

describe('sockets in worker processes, with TLS on the same port', () => {
  let server: LocalAppSync;
  beforeAll(async () => {
    server = await startLocalAppSync({ declaration: writeRealtimeApi(), port: 0, host: '127.0.0.1', dataDir: null, tls: true, realtime: { workers: 2 } });
  });
  afterAll(() => server?.close());

  it('serves wss:// in the main process, the TLS connections a worker accepted handed back', async () => {
    const handedBack = server.realtime.connectionsHandedBack;
    const client = await ProtocolClient.connect(server.tls!.realtimeUrl, { apiKey: server.apiKey, ws: { ca: server.tls!.ca } });
    expect((await client.init()).type).toBe('connection_ack');
    await client.subscribe('secure', 'subscription { onItem(group: "wss") { id } }');
    await putItem(server, { id: 'over-wss', group: 'wss' });
    expect(await client.framesUntilSettled()).toEqual([{ type: 'data', id: 'secure', payload: { data: { onItem: { id: 'over-wss' } } } }]);
    expect(server.realtime.connectionsHandedBack - handedBack).toBeGreaterThanOrEqual(1);
    expect(sum(server.realtime.connectionsPerWorker)).toBe(0);
    client.close();
  });
});

describe('sockets in worker processes that all ended', () => {
  let server: LocalAppSync;
  beforeAll(async () => {
    server = await startLocalAppSync({ declaration: writeRealtimeApi(), port: 0, host: '127.0.0.1', dataDir: null, realtime: { workers: 2 } });
  });
  afterAll(() => server?.close());

  it('accepts again in the main process, and closes the ended workers’ connections', async () => {
    const client = await ProtocolClient.connect(server.realtimeUrl, { apiKey: server.apiKey });
    await client.init();
    await client.subscribe('lost', 'subscription { onItem(group: "lost") { id } }');
    for (const pid of server.realtime.workerProcessIds) process.kill(pid, 'SIGKILL');
    await client.closed;
    await expect.poll(() => server.realtime.registry.size).toBe(0);
    const again = await ProtocolClient.connect(server.realtimeUrl, { apiKey: server.apiKey });
    expect((await again.init()).type).toBe('connection_ack');
    expect(await request(server, 'mutation { publishItem(id: "after", title: "After") { id } }')).toEqual({ data: { publishItem: { id: 'after' } } });
    again.close();
  });
});
