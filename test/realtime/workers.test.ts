// The real-time endpoint with its sockets in two worker processes (realtime.workers: 2):
// the same protocol, auth and filtering, every publish reaching subscribers on both
// workers exactly once and in order.
import { describe, expect, it } from 'vitest';
import { ProtocolClient, type Frame } from '../support/protocol-client.ts';
import { putItem, realtimeApiForFile, request } from '../support/realtime-api.ts';

const api = realtimeApiForFile({ realtime: { workers: 2 } });

/** Connected, acknowledged clients, one after the other: the workers take them in turn. */
async function clients(count: number) {
  const opened: ProtocolClient[] = [];
  for (let i = 0; i < count; i++) opened.push(await api.connected());
  return opened;
}

const dataFrames = (frames: Frame[]) => frames.filter((frame) => frame.type === 'data');

describe('sockets in two worker processes', () => {
  it('spreads its sockets over both workers', async () => {
    const before = api.server.realtime.connectionsPerWorker;
    await clients(4);
    const after = api.server.realtime.connectionsPerWorker;
    expect(after.map((count, i) => count - before[i]!)).toEqual([2, 2]);
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
