// TransactGetItems and TransactWriteItems through the DynamoDB data source: on DynamoDB Local, which has
// transactions, and on dynalite, which does not and says so (naming the engine setting to switch).
// Sources: js-aws-appsync-resolver-reference-dynamodb-transact-{get,write}-items.html: results in request
// order; {keys | items: null, cancellationReasons: [{type, message, item?}]} with ctx.error
// DynamoDB:TransactionCanceledException when cancelled; at most 100 items.
import { describe, expect, it } from 'vitest';
import { partition, typedMap, useEngine } from './support/engines.ts';

describe('DynamoDB transactions on dynamodb-local', () => {
  const ds = useEngine('dynamodb-local');

  describe('TransactWriteItems', () => {
    it('writes every item and answers their keys in request order', async () => {
      const pk = partition();
      const id = partition();
      const result = await ds.result({
        operation: 'TransactWriteItems',
        transactItems: [
          { table: 'Things', operation: 'PutItem', key: typedMap({ pk, sk: 'ballot' }), attributeValues: typedMap({ option: 'a' }), condition: { expression: 'attribute_not_exists(pk)' } },
          { table: 'Counters', operation: 'UpdateItem', key: typedMap({ id }), update: { expression: 'ADD votes :one', expressionValues: typedMap({ ':one': 1 }) } },
        ],
      });
      expect(result).toEqual({ keys: [{ pk, sk: 'ballot' }, { id }], cancellationReasons: null });
      expect(await ds.result({ operation: 'GetItem', key: typedMap({ id }) }, 'Counters')).toEqual({ id, votes: 1 });
    });

    it('writes nothing when one condition fails, and answers a reason per item with the failing item as it is', async () => {
      const pk = partition();
      const id = partition();
      await ds.result({ operation: 'PutItem', key: typedMap({ pk, sk: 'ballot' }), attributeValues: typedMap({ option: 'a' }) });
      const answer = await ds.invoke({
        operation: 'TransactWriteItems',
        transactItems: [
          { table: 'Counters', operation: 'UpdateItem', key: typedMap({ id }), update: { expression: 'ADD votes :one', expressionValues: typedMap({ ':one': 1 }) } },
          { table: 'Things', operation: 'PutItem', key: typedMap({ pk, sk: 'ballot' }), attributeValues: typedMap({ option: 'b' }), condition: { expression: 'attribute_not_exists(pk)' } },
        ],
      });
      expect(answer.error?.type).toBe('DynamoDB:TransactionCanceledException');
      expect(answer.result).toEqual({
        keys: null,
        cancellationReasons: [
          { type: 'None', message: null },
          // DynamoDB's own reason message, passed on as it is.
          { type: 'ConditionalCheckFailed', message: expect.stringMatching(/^The conditional request failed/), item: { pk, sk: 'ballot', option: 'a' } },
        ],
      });
      expect(await ds.result({ operation: 'GetItem', key: typedMap({ id }) }, 'Counters')).toBeNull();
    });

    it('leaves the failing item out of the reason when returnValuesOnConditionCheckFailure is false', async () => {
      const pk = partition();
      await ds.result({ operation: 'PutItem', key: typedMap({ pk, sk: 'a' }), attributeValues: typedMap({ locked: true }) });
      const answer = await ds.invoke({
        operation: 'TransactWriteItems',
        transactItems: [
          { table: 'Things', operation: 'ConditionCheck', key: typedMap({ pk, sk: 'a' }), condition: { expression: 'attribute_not_exists(locked)', returnValuesOnConditionCheckFailure: false } },
          { table: 'Things', operation: 'DeleteItem', key: typedMap({ pk, sk: 'b' }) },
        ],
      });
      expect((answer.result as any).cancellationReasons[0]).toEqual({ type: 'ConditionalCheckFailed', message: expect.stringMatching(/^The conditional request failed/) });
    });

    it('refuses more than 100 items', async () => {
      const pk = partition();
      const transactItems = Array.from({ length: 101 }, (_, i) => ({ table: 'Things', operation: 'DeleteItem', key: typedMap({ pk, sk: String(i) }) }));
      const answer = await ds.invoke({ operation: 'TransactWriteItems', transactItems });
      expect(answer.error?.type).toBe('DynamoDB:DynamoDbException');
    });

    it('refuses an item operation it does not know, naming where it is', async () => {
      const answer = await ds.invoke({ operation: 'TransactWriteItems', transactItems: [{ table: 'Things', operation: 'GetItem', key: typedMap({ pk: 'x', sk: 'y' }) }] });
      expect(answer.error).toEqual({ type: 'MappingTemplate', message: "Value for field '$[transactItems][0][operation]' not found." });
    });
  });

  describe('TransactGetItems', () => {
    it('answers items in request order with null where there is none', async () => {
      const pk = partition();
      await ds.result({ operation: 'PutItem', key: typedMap({ pk, sk: 'a' }), attributeValues: typedMap({ n: 1, hidden: 'h' }) });
      const result = await ds.result({
        operation: 'TransactGetItems',
        transactItems: [
          { table: 'Counters', key: typedMap({ id: 'nobody' }) },
          { table: 'Things', key: typedMap({ pk, sk: 'a' }), projection: { expression: 'n' } },
        ],
      });
      expect(result).toEqual({ items: [null, { n: 1 }], cancellationReasons: null });
    });
  });
});

describe('DynamoDB transactions on dynalite', () => {
  const ds = useEngine('dynalite');

  it('TransactWriteItems answers an error naming the engine and the setting that switches to DynamoDB Local', async () => {
    const answer = await ds.invoke({ operation: 'TransactWriteItems', transactItems: [{ table: 'Things', operation: 'DeleteItem', key: typedMap({ pk: 'a', sk: 'b' }) }] });
    expect(answer.error?.type).toBe('EngineLimitation');
    expect(answer.error?.message).toMatch(/dynalite/);
    expect(answer.error?.message).toMatch(/--engine dynamodb-local/);
    expect(answer.result).toEqual({ keys: null, cancellationReasons: null });
  });

  it('TransactGetItems answers the same limitation, with both result keys present', async () => {
    const answer = await ds.invoke({ operation: 'TransactGetItems', transactItems: [{ table: 'Things', key: typedMap({ pk: 'a', sk: 'b' }) }] });
    expect(answer.error?.type).toBe('EngineLimitation');
    expect(answer.result).toEqual({ items: null, cancellationReasons: null });
  });
});
