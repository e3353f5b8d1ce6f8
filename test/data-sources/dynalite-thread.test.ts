// The embedded engine on a thread of its own (local/store/dynalite-thread.ts): its answers and
// errors are the data sources' specs (engines.test.ts and the rest of this folder run on it); here,
// what only a thread can do — die, or be left running — and what callers see then.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dynamoDbDataSource } from '../../local/data-sources/dynamodb/index.ts';
import type { DynamoDbEngine } from '../../local/store/engine.ts';
import { startDynaliteThread, storeThreadOf } from '../../local/store/dynalite-thread.ts';
import { ensureTables } from '../../local/store/tables.ts';
import { TABLES } from './support/engines.ts';

const put = (engine: DynamoDbEngine, id: string) => engine.call('PutItem', { TableName: 'Counters', Item: { id: { S: id } } });

const get = (engine: DynamoDbEngine, id: string) => engine.call('GetItem', { TableName: 'Counters', Key: { id: { S: id } }, ConsistentRead: true });

describe("dynalite's thread", () => {
  let engine: DynamoDbEngine | undefined;
  let folder: string | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
    if (folder) rmSync(folder, { recursive: true, force: true });
    folder = undefined;
  });

  it('opens a store on disk again on a new thread when its thread dies: the calls in flight fail once in AppSync\'s shape, later calls work, and what was acknowledged is kept', async () => {
    folder = mkdtempSync(join(tmpdir(), 'dynalite-thread-'));
    engine = await startDynaliteThread({ path: folder });
    await ensureTables(engine, TABLES);
    await put(engine, 'before');
    const source = dynamoDbDataSource('Counters', 'Counters', engine);
    const inFlight = Array.from({ length: 50 }, (_, i) => source.invoke({ operation: 'PutItem', key: { id: { S: `item-${i}` } } }));
    const thread = storeThreadOf(engine)!;
    await new Promise(setImmediate); // the calls went to the thread (they leave once a turn)
    await thread.terminate();
    const answers = await Promise.all(inFlight);
    const failed = answers.filter((answer) => answer.error);
    expect(failed.length).toBeGreaterThan(0);
    for (const { error } of failed) {
      expect(error).toEqual({ type: 'DynamoDB:InternalServerError', message: expect.stringMatching(/^dynalite's thread stopped \(exit code 1\) \(Service: DynamoDb, Status Code: 500, Request ID: [A-Z0-9]{52}\)$/) });
    }

    await put(engine, 'after');
    expect(storeThreadOf(engine)).not.toBe(thread);
    expect(await get(engine, 'before')).toEqual({ Item: { id: { S: 'before' } } });
    expect(await get(engine, 'after')).toEqual({ Item: { id: { S: 'after' } } });
    for (const [i, answer] of answers.entries()) {
      if (!answer.error) expect(await get(engine, `item-${i}`)).toEqual({ Item: { id: { S: `item-${i}` } } });
    }
  });

  it('fails every call waiting on it, and every later call, with InternalServerError when the thread of a store in memory dies (its tables died with it)', async () => {
    engine = await startDynaliteThread({ path: null });
    await ensureTables(engine, TABLES);
    const waiting = Array.from({ length: 50 }, (_, i) => put(engine!, `item-${i}`));
    await storeThreadOf(engine)!.terminate();
    const settled = await Promise.allSettled(waiting);
    for (const outcome of settled.filter((s) => s.status === 'rejected')) {
      expect(outcome.reason).toMatchObject({ name: 'DynamoDbEngineError', type: 'InternalServerError', message: expect.stringMatching(/dynalite's thread stopped/) });
    }
    await expect(put(engine, 'later')).rejects.toMatchObject({ type: 'InternalServerError', message: expect.stringMatching(/dynalite's thread stopped/) });
  });

  it('ends the thread when the engine closes, and refuses calls after', async () => {
    engine = await startDynaliteThread({ path: null });
    await ensureTables(engine, TABLES);
    await put(engine, 'before');
    const thread = storeThreadOf(engine)!;
    const exited = new Promise((resolve) => thread.once('exit', resolve));
    await engine.close();
    await exited;
    await expect(put(engine, 'after')).rejects.toMatchObject({ type: 'InternalServerError', message: 'the dynalite engine is closed' });
  });
});
