// What AppSync answers to frames it cannot serve, and its limits: each answered in
// AppSync's shape, and neither the connection's other subscriptions nor the server break.
import { describe, expect, it } from 'vitest';
import { putItem, realtimeApiForFile } from '../support/realtime-api.ts';

const ON_ITEM = 'subscription OnItem($id: ID) { onItem(id: $id) { id title } }';
const UNKNOWN = { type: 'error', payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'unknown not supported through the realtime channel' }] } };

const api = realtimeApiForFile({ realtime: { warn: () => {} } });
const connected = () => api.connected();

describe('frames the channel cannot serve', () => {
  it('answers a frame that is not JSON with an UnsupportedOperation error without an id', async () => {
    const client = await connected();
    client.send('{not json');
    expect(await client.next()).toEqual(UNKNOWN);
  });

  it('answers an unknown message type with an UnsupportedOperation error without an id, even when it had one', async () => {
    const client = await connected();
    client.send({ id: 'x1', type: 'subscribe', payload: {} });
    expect(await client.next()).toEqual(UNKNOWN);
  });

  it('answers a binary frame as a message it does not know', async () => {
    const client = await connected();
    client.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    expect(await client.next()).toEqual(UNKNOWN);
  });

  it('answers a start without payload.data with "unknown not supported through the realtime channel" for its id', async () => {
    const client = await connected();
    client.send({ id: 'no-data', type: 'start', payload: { query: ON_ITEM } });
    expect(await client.next()).toEqual({ type: 'error', id: 'no-data', payload: UNKNOWN.payload });
  });

  it('refuses a query sent on the real-time channel', async () => {
    const client = await connected();
    client.start('q', '{ ping }');
    expect(await client.next()).toEqual({
      type: 'error',
      id: 'q',
      payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'query not supported through the realtime channel' }] },
    });
  });

  it('refuses a mutation sent on the real-time channel', async () => {
    const client = await connected();
    client.start('m', 'mutation { publishItem(id: "1", title: "t") { id } }');
    expect(await client.next()).toEqual({
      type: 'error',
      id: 'm',
      payload: { errors: [{ errorType: 'UnsupportedOperation', message: 'mutation not supported through the realtime channel' }] },
    });
  });

  it('refuses a document with several operations and none named, as AppSync does (an empty operation)', async () => {
    const client = await connected();
    client.start('two', `${ON_ITEM} subscription Other { onItem { id } }`);
    expect((await client.next()).payload.errors).toEqual([{ errorType: 'UnsupportedOperation', message: ' not supported through the realtime channel' }]);
  });
});

describe('invalid subscriptions', () => {
  it('refuses a document that does not parse with the parser message', async () => {
    const client = await connected();
    client.start('bad', 'subscription { onItem { id ');
    expect(await client.next()).toEqual({ type: 'error', id: 'bad', payload: { errors: [{ message: 'Syntax Error: Expected Name, found <EOF>.' }] } });
  });

  it('refuses a subscription that fails validation with one message per problem', async () => {
    const client = await connected();
    client.start('invalid', 'subscription { onItem { id nope alsoNope } }');
    expect(await client.next()).toEqual({
      type: 'error',
      id: 'invalid',
      payload: { errors: [{ message: 'Cannot query field "nope" on type "Item".' }, { message: 'Cannot query field "alsoNope" on type "Item".' }] },
    });
  });

  it('refuses variables that do not fit their types', async () => {
    const client = await connected();
    client.start('vars', 'subscription S($severity: Int) { onItem(severity: $severity) { id } }', { severity: 'high' });
    expect(await client.next()).toEqual({
      type: 'error',
      id: 'vars',
      payload: { errors: [{ message: 'Variable "$severity" got invalid value "high"; Int cannot represent non-integer value: "high"' }] },
    });
  });

  it('refuses a start whose own credentials are refused with UnauthorizedException', async () => {
    const client = await connected();
    client.start('wrong-key', ON_ITEM, {}, 'da2-notakeythisservergave000');
    expect(await client.next()).toEqual({
      type: 'error',
      id: 'wrong-key',
      payload: { errors: [{ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }] },
    });
  });

  it('refuses a field the caller’s auth mode may not use, in AppSync’s words', async () => {
    const client = await connected();
    client.start('iam', 'subscription { onIamOnly { id } }');
    expect(await client.next()).toEqual({
      type: 'error',
      id: 'iam',
      payload: { errors: [{ errorType: 'Unauthorized', message: 'Not Authorized to access onIamOnly on type Subscription' }] },
    });
  });
});

describe('duplicate ids and limits', () => {
  it('refuses a start whose id is in use with DuplicatedOperationError', async () => {
    const client = await connected();
    await client.subscribe('dup', ON_ITEM);
    client.start('dup', ON_ITEM);
    expect(await client.next()).toEqual({
      type: 'error',
      id: 'dup',
      payload: { errors: [{ errorType: 'DuplicatedOperationError', message: 'Duplicated operation with id dup' }] },
    });
  });

  it('keeps the first subscription of a duplicated id delivering', async () => {
    const client = await connected();
    await client.subscribe('dup', ON_ITEM, { id: 'd1' });
    client.start('dup', ON_ITEM, { id: 'other' });
    await client.expect('error', 'dup');
    await putItem(api.server, { id: 'd1', title: 'Still here' });
    expect(await client.next()).toEqual({ type: 'data', id: 'dup', payload: { data: { onItem: { id: 'd1', title: 'Still here' } } } });
  });

  it('refuses the 101st subscription of a connection with MaxSubscriptionsReachedError, errors as one object', async () => {
    const client = await connected();
    for (let i = 0; i < 100; i++) client.start(`s${i}`, ON_ITEM);
    for (let i = 0; i < 100; i++) await client.expect('start_ack', `s${i}`);
    client.start('s100', ON_ITEM);
    expect(await client.next()).toEqual({
      type: 'error',
      id: 's100',
      payload: { errors: { errorType: 'MaxSubscriptionsReachedError', message: 'Max number of 100 subscriptions reached' } },
    });
  });

  it('takes a new subscription once one of a full connection stopped', async () => {
    const client = await connected();
    for (let i = 0; i < 100; i++) client.start(`s${i}`, ON_ITEM);
    for (let i = 0; i < 100; i++) await client.expect('start_ack', `s${i}`);
    client.stop('s0');
    await client.expect('complete', 's0');
    client.start('s100', ON_ITEM);
    expect(await client.next()).toEqual({ type: 'start_ack', id: 's100' });
  });

  it('does not deliver a payload larger than 240 KB, as AppSync drops it without a word', async () => {
    const client = await connected();
    await client.subscribe('big', 'subscription { onItem(id: "big1") { id blob } }');
    await putItem(api.server, { id: 'big1', blob: 'x'.repeat(240 * 1024) });
    expect(await client.framesUntilSettled()).toEqual([]);
  });

  it('delivers a payload just under 240 KB', async () => {
    const client = await connected();
    await client.subscribe('big', 'subscription { onItem(id: "big2") { blob } }');
    const blob = 'x'.repeat(240 * 1024 - '{"data":{"onItem":{"blob":""}}}'.length);
    await putItem(api.server, { id: 'big2', blob });
    expect((await client.next()).payload.data.onItem.blob).toHaveLength(blob.length);
  });
});

describe('resilience', () => {
  it('keeps a connection’s subscriptions delivering after every kind of bad frame', async () => {
    const client = await connected();
    await client.subscribe('good', ON_ITEM, { id: 'r1' });
    client.send('garbage');
    client.send({ type: 'nonsense' });
    client.send({ type: 'start' });
    client.send({ type: 'start', id: 'x', payload: 'not an object' });
    client.start('bad', 'subscription {');
    client.start('good', ON_ITEM);
    client.send({ type: 'stop' });
    const answers = [];
    for (let i = 0; i < 7; i++) answers.push((await client.next()).type);
    expect(answers).toEqual(['error', 'error', 'error', 'error', 'error', 'error', 'error']);
    await putItem(api.server, { id: 'r1', title: 'Unharmed' });
    expect(await client.next()).toEqual({ type: 'data', id: 'good', payload: { data: { onItem: { id: 'r1', title: 'Unharmed' } } } });
  });

  it('keeps serving other connections after one sends garbage and vanishes', async () => {
    const rude = await connected();
    rude.send('{"type":"start","id":');
    rude.socket.terminate();
    const polite = await connected();
    await polite.subscribe('ok', ON_ITEM, { id: 'r2' });
    await putItem(api.server, { id: 'r2', title: 'Fine' });
    expect((await polite.next()).payload.data.onItem).toEqual({ id: 'r2', title: 'Fine' });
  });
});
