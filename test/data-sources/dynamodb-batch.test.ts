// BatchGetItem, BatchPutItem and BatchDeleteItem through the DynamoDB data source, on every engine.
// Tables are named by their declared names; results come per table in request order, null where
// there is no item. Limits: 100 keys per BatchGetItem, 25 writes per BatchPutItem / BatchDeleteItem.
// Sources: js-aws-appsync-resolver-reference-dynamodb-batch-{get,put,delete}-item.html.
import { describe, expect, it } from 'vitest';
import { ENGINES, partition, sdkSuffix, typedMap, useEngine } from './support/engines.ts';

describe.each(ENGINES)('DynamoDB batches on %s', (engine) => {
  const ds = useEngine(engine);
  const thing = (pk: string, sk: string, extra: Record<string, unknown> = {}) => typedMap({ pk, sk, ...extra });

  describe('BatchGetItem', () => {
    it('answers items per table in the order of the keys, with null where there is no item', async () => {
      const pk = partition();
      const id = partition();
      await ds.result({ operation: 'BatchPutItem', tables: { Things: [thing(pk, 'a', { n: 1 }), thing(pk, 'c', { n: 3 })], Counters: [typedMap({ id, votes: 7 })] } });
      const result = await ds.result({
        operation: 'BatchGetItem',
        tables: {
          Things: { keys: [typedMap({ pk, sk: 'c' }), typedMap({ pk, sk: 'b' }), typedMap({ pk, sk: 'a' })], consistentRead: true },
          Counters: { keys: [typedMap({ id: 'nobody' }), typedMap({ id })] },
        },
      });
      expect(result).toEqual({
        data: { Things: [{ pk, sk: 'c', n: 3 }, null, { pk, sk: 'a', n: 1 }], Counters: [null, { id, votes: 7 }] },
        unprocessedKeys: { Things: [], Counters: [] },
      });
    });

    it('answers only the projected attributes, each item still in its place', async () => {
      const pk = partition();
      await ds.result({ operation: 'BatchPutItem', tables: { Things: [thing(pk, 'a', { n: 1, x: 'x' }), thing(pk, 'b', { n: 2, x: 'y' })] } });
      const result = await ds.result({
        operation: 'BatchGetItem',
        tables: { Things: { keys: [typedMap({ pk, sk: 'b' }), typedMap({ pk, sk: 'a' })], projection: { expression: '#n', expressionNames: { '#n': 'n' } } } },
      });
      expect(result.data.Things).toEqual([{ n: 2 }, { n: 1 }]);
    });

    it('refuses more than 100 keys', async () => {
      const pk = partition();
      const keys = Array.from({ length: 101 }, (_, i) => typedMap({ pk, sk: String(i) }));
      const answer = await ds.invoke({ operation: 'BatchGetItem', tables: { Things: { keys } } });
      expect(answer.error?.type).toBe('DynamoDB:DynamoDbException');
      expect(answer.error?.message).toMatch(new RegExp(`^Too many items requested for the BatchGetItem call${sdkSuffix}`));
    });

    it('refuses a table the API does not have with DynamoDB:ResourceNotFoundException', async () => {
      const answer = await ds.invoke({ operation: 'BatchGetItem', tables: { Nowhere: { keys: [typedMap({ id: 'x' })] } } });
      expect(answer.error?.type).toBe('DynamoDB:ResourceNotFoundException');
    });
  });

  describe('BatchPutItem', () => {
    it('answers the items written per table, in request order', async () => {
      const pk = partition();
      const result = await ds.result({ operation: 'BatchPutItem', tables: { Things: [thing(pk, 'b', { n: 2 }), thing(pk, 'a', { n: 1 })] } });
      expect(result).toEqual({ data: { Things: [{ pk, sk: 'b', n: 2 }, { pk, sk: 'a', n: 1 }] }, unprocessedItems: { Things: [] } });
      const stored = await ds.result({ operation: 'Query', query: { expression: 'pk = :pk', expressionValues: typedMap({ ':pk': pk }) } });
      expect(stored.items).toHaveLength(2);
    });

    it('refuses more than 25 items', async () => {
      const pk = partition();
      const answer = await ds.invoke({ operation: 'BatchPutItem', tables: { Things: Array.from({ length: 26 }, (_, i) => thing(pk, String(i))) } });
      expect(answer.error?.message).toMatch(new RegExp(`^Too many items requested for the BatchWriteItem call${sdkSuffix}`));
    });

    it('counts the limit over every table of the request', async () => {
      const pk = partition();
      const answer = await ds.invoke({
        operation: 'BatchPutItem',
        tables: { Things: Array.from({ length: 13 }, (_, i) => thing(pk, String(i))), Counters: Array.from({ length: 13 }, (_, i) => typedMap({ id: `${pk}-${i}` })) },
      });
      expect(answer.error?.type).toBe('DynamoDB:DynamoDbException');
    });
  });

  describe('BatchDeleteItem', () => {
    it('answers the keys deleted per table, in request order', async () => {
      const pk = partition();
      await ds.result({ operation: 'BatchPutItem', tables: { Things: [thing(pk, 'a'), thing(pk, 'b')] } });
      const result = await ds.result({ operation: 'BatchDeleteItem', tables: { Things: [typedMap({ pk, sk: 'b' }), typedMap({ pk, sk: 'a' })] } });
      expect(result).toEqual({ data: { Things: [{ pk, sk: 'b' }, { pk, sk: 'a' }] }, unprocessedKeys: { Things: [] } });
      const stored = await ds.result({ operation: 'Query', query: { expression: 'pk = :pk', expressionValues: typedMap({ ':pk': pk }) } });
      expect(stored.items).toEqual([]);
    });

    it('refuses more than 25 keys', async () => {
      const pk = partition();
      const answer = await ds.invoke({ operation: 'BatchDeleteItem', tables: { Things: Array.from({ length: 26 }, (_, i) => typedMap({ pk, sk: String(i) })) } });
      expect(answer.error?.message).toMatch(/^Too many items requested for the BatchWriteItem call/);
    });
  });
});
