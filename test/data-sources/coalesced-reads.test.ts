// Identical reads in flight at once reach the store once (local/store/coalesced-reads.ts), and never at the
// price of a read missing a write: a read issued after a write was issued or answered gets its own call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coalesceReads } from '../../local/store/coalesced-reads.ts';
import type { DynamoDbEngine } from '../../local/store/engine.ts';
import { startDynalite } from '../../local/store/dynalite.ts';
import { ensureTables } from '../../local/store/tables.ts';
import { TABLES } from './support/engines.ts';

const key = (id: string) => ({ id: { S: id } });
const get = (id: string) => ({ TableName: 'Counters', Key: key(id), ConsistentRead: true });
const votesOf = (answer: unknown) => (answer as { Item?: { votes: { N: string } } }).Item?.votes.N;

describe('coalesced reads on dynalite', () => {
  let store: DynamoDbEngine;
  let engine: DynamoDbEngine;
  const calls: string[] = [];
  /** While set, the store's read answers wait for it: a read is then still in flight when later calls are issued. */
  let hold: Promise<void> | null = null;
  beforeAll(async () => {
    store = await startDynalite({ path: null });
    await ensureTables(store, TABLES);
    const counted: DynamoDbEngine = {
      ...store,
      async call(action, input) {
        calls.push(action);
        const held = action === 'GetItem' ? hold : null;
        const answer = await store.call(action, input);
        await held;
        return answer as never;
      },
    };
    engine = coalesceReads(counted);
    await engine.call('PutItem', { TableName: 'Counters', Item: { ...key('a'), votes: { N: '1' } } });
    await engine.call('PutItem', { TableName: 'Counters', Item: { ...key('b'), votes: { N: '2' } } });
  });
  afterAll(() => store.close());

  it('asks the store once for 50 identical GetItems issued together, and answers each of them', async () => {
    calls.length = 0;
    const answers = await Promise.all(Array.from({ length: 50 }, () => engine.call('GetItem', get('a'))));
    expect(calls).toEqual(['GetItem']);
    expect(answers.map(votesOf)).toEqual(Array(50).fill('1'));
  });

  it('asks the store once for identical BatchGetItems issued together', async () => {
    calls.length = 0;
    const batch = { RequestItems: { Counters: { Keys: [key('a'), key('b')], ConsistentRead: true } } };
    const answers = await Promise.all([engine.call('BatchGetItem', batch), engine.call('BatchGetItem', structuredClone(batch))]);
    expect(calls).toEqual(['BatchGetItem']);
    expect(answers[1]).toEqual(answers[0]);
  });

  it('asks the store again for a read of another key', async () => {
    calls.length = 0;
    const [a, b] = await Promise.all([engine.call('GetItem', get('a')), engine.call('GetItem', get('b'))]);
    expect(calls).toEqual(['GetItem', 'GetItem']);
    expect([votesOf(a), votesOf(b)]).toEqual(['1', '2']);
  });

  it('gives a read issued after a write its own call, which sees the write', async () => {
    calls.length = 0;
    let release!: () => void;
    hold = new Promise((resolve) => (release = resolve));
    const before = engine.call('GetItem', get('a'));
    await engine.call('UpdateItem', {
      TableName: 'Counters', Key: key('a'), UpdateExpression: 'ADD votes :one', ExpressionAttributeValues: { ':one': { N: '1' } },
    });
    hold = null;
    const after = engine.call('GetItem', get('a'));
    release();
    expect([votesOf(await before), votesOf(await after)]).toEqual(['1', '2']);
    expect(calls).toEqual(['GetItem', 'UpdateItem', 'GetItem']);
  });

  it('shares a refusal with every read that joined the call', async () => {
    const missing = { TableName: 'NoSuchTable', Key: key('a') };
    const results = await Promise.allSettled([engine.call('GetItem', missing), engine.call('GetItem', missing)]);
    expect(results.map((result) => result.status === 'rejected' && (result.reason as { type: string }).type)).toEqual([
      'ResourceNotFoundException', 'ResourceNotFoundException',
    ]);
  });

  it('asks the store anew once the shared read is answered', async () => {
    await engine.call('GetItem', get('b'));
    calls.length = 0;
    await engine.call('GetItem', get('b'));
    expect(calls).toEqual(['GetItem']);
  });
});
