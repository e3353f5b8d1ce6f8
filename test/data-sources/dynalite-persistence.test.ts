// The embedded engine's persistence path (local/store/dynalite-persistence.ts): reads served from memory,
// writes in group commits. Whatever path a read takes (the kept copy for GetItem, LevelDB's iterators for
// Query and Scan, LevelDB itself after a reopen), it sees the same acknowledged writes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoDbEngine } from '../../local/store/engine.ts';
import { startDynalite } from '../../local/store/dynalite.ts';
import { ensureTables } from '../../local/store/tables.ts';
import { TABLES } from './support/engines.ts';

const key = (id: string) => ({ id: { S: id } });
const getVotes = async (engine: DynamoDbEngine, id: string) =>
  ((await engine.call('GetItem', { TableName: 'Counters', Key: key(id), ConsistentRead: true })) as { Item?: { votes: { N: string } } }).Item?.votes.N;
const addOne = (engine: DynamoDbEngine, id: string) =>
  engine.call('UpdateItem', { TableName: 'Counters', Key: key(id), UpdateExpression: 'ADD votes :one', ExpressionAttributeValues: { ':one': { N: '1' } } });

// A miss goes to LevelDB through the thread pool (in the server's thread), or at once (getSync: on the store's own thread).
describe.each([
  ['through the thread pool', false],
  ['at once', true],
])('dynalite on disk, a missed read going to LevelDB %s', (_, syncReads) => {
  let dataDir: string;
  let engine: DynamoDbEngine;
  const start = () => startDynalite({ path: dataDir, syncReads });
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'handsup-dynalite-persistence-'));
    engine = await start();
    await ensureTables(engine, TABLES);
  });
  afterAll(async () => {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts 200 simultaneous updates of one item, and GetItem, Scan and a reopened store all read 200', async () => {
    await Promise.all(Array.from({ length: 200 }, () => addOne(engine, 'hot')));
    expect(await getVotes(engine, 'hot')).toBe('200');
    const scanned = (await engine.call('Scan', { TableName: 'Counters' })) as { Items: { id: { S: string }; votes: { N: string } }[] };
    expect(scanned.Items.find((item) => item.id.S === 'hot')?.votes.N).toBe('200');
    await engine.close();
    engine = await start();
    expect(await getVotes(engine, 'hot')).toBe('200');
  });

  it('reads an item as absent once it is deleted, also after a reopen, though it was read before', async () => {
    await addOne(engine, 'gone');
    expect(await getVotes(engine, 'gone')).toBe('1');
    await engine.call('DeleteItem', { TableName: 'Counters', Key: key('gone') });
    expect(await getVotes(engine, 'gone')).toBeUndefined();
    await engine.close();
    engine = await start();
    expect(await getVotes(engine, 'gone')).toBeUndefined();
  });

  it('refuses a conditional update against the value the last acknowledged write left', async () => {
    await engine.call('PutItem', { TableName: 'Counters', Item: { ...key('cond'), votes: { N: '5' } } });
    await expect(
      engine.call('UpdateItem', {
        TableName: 'Counters', Key: key('cond'), UpdateExpression: 'SET votes = :six',
        ConditionExpression: 'votes = :four', ExpressionAttributeValues: { ':six': { N: '6' }, ':four': { N: '4' } },
      }),
    ).rejects.toMatchObject({ type: 'ConditionalCheckFailedException' });
    expect(await getVotes(engine, 'cond')).toBe('5');
  });
});
