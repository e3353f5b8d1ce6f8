// The embedded engine on a thread of its own (local/store/dynalite-thread.ts): its answers and
// errors are the data sources' specs (engines.test.ts and the rest of this folder run on it); here,
// what only a thread can do — die, or be left running — and what callers see then.
import { afterEach, describe, expect, it } from 'vitest';
import type { DynamoDbEngine } from '../../local/store/engine.ts';
import { startDynaliteThread, storeThreadOf } from '../../local/store/dynalite-thread.ts';
import { ensureTables } from '../../local/store/tables.ts';
import { TABLES } from './support/engines.ts';

const put = (engine: DynamoDbEngine, id: string) => engine.call('PutItem', { TableName: 'Counters', Item: { id: { S: id } } });

describe("dynalite's thread", () => {
  let engine: DynamoDbEngine | undefined;
  afterEach(async () => {
    await engine?.close();
    engine = undefined;
  });

  it('fails every call waiting on it, and every later call, with InternalServerError when the thread dies', async () => {
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
