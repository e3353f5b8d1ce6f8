// GetItem, PutItem, UpdateItem and DeleteItem through the DynamoDB data source, on every engine.
// Sources: js-aws-appsync-resolver-reference-dynamodb-{getitem,putitem,updateitem,deleteitem}.html,
// -typed-values-request.html / -typed-values-responses.html (typed values in, plain JSON out) and
// -condition-expressions.html ("Handling a condition check failure").
import { describe, expect, it } from 'vitest';
import { ENGINES, partition, sdkSuffix, typedMap, useEngine } from './support/engines.ts';

describe.each(ENGINES)('DynamoDB items on %s', (engine) => {
  const ds = useEngine(engine);
  const put = (values: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const { pk, sk, ...rest } = values;
    return ds.invoke({ operation: 'PutItem', key: typedMap({ pk, sk }), attributeValues: typedMap(rest), ...extra });
  };

  describe('GetItem', () => {
    it('answers with the item as plain JSON: strings, numbers, booleans, null, lists, maps, sets and base64 binary', async () => {
      const pk = partition();
      await ds.result({
        operation: 'PutItem',
        key: typedMap({ pk, sk: 'a' }),
        attributeValues: {
          ...typedMap({ title: 'Hello', votes: 3, ratio: 0.25, open: true, note: null, tags: ['x', 1], meta: { depth: 2 } }),
          names: { SS: ['ann', 'bob'] },
          scores: { NS: [1, 2.5] },
          blob: { B: 'aGk=' },
        },
      });
      const item = await ds.result({ operation: 'GetItem', key: typedMap({ pk, sk: 'a' }) });
      expect({ ...item, names: [...item.names].sort(), scores: [...item.scores].sort() }).toEqual({
        pk, sk: 'a', title: 'Hello', votes: 3, ratio: 0.25, open: true, note: null, tags: ['x', 1], meta: { depth: 2 },
        names: ['ann', 'bob'], scores: [1, 2.5], blob: 'aGk=',
      });
    });

    it('answers null when there is no item', async () => {
      expect(await ds.invoke({ operation: 'GetItem', key: typedMap({ pk: partition(), sk: 'a' }) })).toEqual({ result: null });
    });

    it('answers only the projected attributes', async () => {
      const pk = partition();
      await put({ pk, sk: 'a', title: 'T', votes: 1, secret: 's' });
      const item = await ds.result({
        operation: 'GetItem',
        key: typedMap({ pk, sk: 'a' }),
        projection: { expression: '#t, votes', expressionNames: { '#t': 'title' } },
      });
      expect(item).toEqual({ title: 'T', votes: 1 });
    });

    it('reads strongly consistent when consistentRead is true', async () => {
      const pk = partition();
      await put({ pk, sk: 'a', votes: 1 });
      expect(await ds.result({ operation: 'GetItem', key: typedMap({ pk, sk: 'a' }), consistentRead: true })).toEqual({ pk, sk: 'a', votes: 1 });
    });

    it('passes a key that does not fit the table to DynamoDB, whose refusal arrives as DynamoDB:DynamoDbException', async () => {
      const { error } = await ds.invoke({ operation: 'GetItem', key: typedMap({ pk: partition() }) });
      expect(error?.type).toBe('DynamoDB:DynamoDbException');
      expect(error?.message).toMatch(new RegExp(sdkSuffix));
    });
  });

  describe('PutItem', () => {
    it('writes the key and attributeValues and answers with the item written', async () => {
      const pk = partition();
      expect(await put({ pk, sk: 'a', title: 'T', votes: 2 })).toEqual({ result: { pk, sk: 'a', title: 'T', votes: 2 } });
      expect(await ds.result({ operation: 'GetItem', key: typedMap({ pk, sk: 'a' }) })).toEqual({ pk, sk: 'a', title: 'T', votes: 2 });
    });

    it('takes numbers as JSON numbers or as strings', async () => {
      const pk = partition();
      await ds.result({ operation: 'PutItem', key: typedMap({ pk, sk: 'a' }), attributeValues: { a: { N: 12 }, b: { N: '12.5' } } });
      expect(await ds.result({ operation: 'GetItem', key: typedMap({ pk, sk: 'a' }) })).toMatchObject({ a: 12, b: 12.5 });
    });

    it('replaces an existing item when there is no condition', async () => {
      const pk = partition();
      await put({ pk, sk: 'a', title: 'old', extra: 1 });
      await put({ pk, sk: 'a', title: 'new' });
      expect(await ds.result({ operation: 'GetItem', key: typedMap({ pk, sk: 'a' }) })).toEqual({ pk, sk: 'a', title: 'new' });
    });

    it('refuses a failed condition with DynamoDB:ConditionalCheckFailedException, and ctx.result holds the item as it is', async () => {
      const pk = partition();
      await put({ pk, sk: 'a', title: 'first' });
      const answer = await put({ pk, sk: 'a', title: 'second' }, { condition: { expression: 'attribute_not_exists(pk)' } });
      expect(answer.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
      expect(answer.error?.message).toMatch(new RegExp(`^The conditional request failed${sdkSuffix}`));
      expect(answer.result).toEqual({ pk, sk: 'a', title: 'first' });
    });

    it('counts a failed condition as a success when the item there already equals the one written', async () => {
      const pk = partition();
      await put({ pk, sk: 'a', title: 'same', votes: 1 });
      const answer = await put({ pk, sk: 'a', title: 'same', votes: 1 }, { condition: { expression: 'attribute_not_exists(pk)' } });
      expect(answer).toEqual({ result: { pk, sk: 'a', title: 'same', votes: 1 } });
    });

    it('compares sets without regard to order and numbers by value', async () => {
      const pk = partition();
      await ds.result({ operation: 'PutItem', key: typedMap({ pk, sk: 'a' }), attributeValues: { s: { SS: ['a', 'b'] }, n: { N: '1.0' } } });
      const answer = await ds.invoke({
        operation: 'PutItem',
        key: typedMap({ pk, sk: 'a' }),
        attributeValues: { s: { SS: ['b', 'a'] }, n: { N: 1 } },
        condition: { expression: 'attribute_not_exists(pk)' },
      });
      expect(answer.error).toBeUndefined();
    });

    it('ignores the equalsIgnore attributes when comparing, and answers with the item as stored', async () => {
      const pk = partition();
      await put({ pk, sk: 'a', title: 'same', updatedAt: '2026-01-01' });
      const answer = await put(
        { pk, sk: 'a', title: 'same', updatedAt: '2026-02-02' },
        { condition: { expression: 'attribute_not_exists(pk)', equalsIgnore: ['updatedAt'] } },
      );
      expect(answer).toEqual({ result: { pk, sk: 'a', title: 'same', updatedAt: '2026-01-01' } });
    });

    it('still refuses when an attribute outside equalsIgnore differs', async () => {
      const pk = partition();
      await put({ pk, sk: 'a', title: 'one', updatedAt: '1' });
      const answer = await put({ pk, sk: 'a', title: 'two', updatedAt: '2' }, { condition: { expression: 'attribute_not_exists(pk)', equalsIgnore: ['updatedAt'] } });
      expect(answer.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    });

    it('takes the condition as the JSON string util.transform.toDynamoDBConditionExpression returns', async () => {
      const pk = partition();
      await put({ pk, sk: 'a', version: 1 });
      const condition = JSON.stringify({ expression: '(#version = :version_eq)', expressionNames: { '#version': 'version' }, expressionValues: { ':version_eq': { N: 2 } } });
      const answer = await put({ pk, sk: 'a', version: 3 }, { condition });
      expect(answer.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
    });
  });

  describe('UpdateItem', () => {
    it('ADD creates a counter on first use and answers with the whole item after the update', async () => {
      const id = partition();
      const request = { operation: 'UpdateItem', key: typedMap({ id }), update: { expression: 'ADD #v :one SET #o = :o', expressionNames: { '#v': 'votes', '#o': 'optionId' }, expressionValues: typedMap({ ':one': 1, ':o': 'x' }) } };
      expect(await ds.result(request, 'Counters')).toEqual({ id, votes: 1, optionId: 'x' });
      expect(await ds.result(request, 'Counters')).toEqual({ id, votes: 2, optionId: 'x' });
    });

    it('refuses a failed condition even when the item already looks updated: AppSync does not compare for UpdateItem', async () => {
      const pk = partition();
      await put({ pk, sk: 'a', title: 'done' });
      const answer = await ds.invoke({
        operation: 'UpdateItem',
        key: typedMap({ pk, sk: 'a' }),
        update: { expression: 'SET title = :t', expressionValues: typedMap({ ':t': 'done' }) },
        condition: { expression: 'title <> :t', expressionValues: typedMap({ ':t': 'done' }) },
      });
      expect(answer.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
      expect(answer.result).toEqual({ pk, sk: 'a', title: 'done' });
    });

    it('applies REMOVE and SET in one expression', async () => {
      const pk = partition();
      await put({ pk, sk: 'a', title: 't', old: 1 });
      const item = await ds.result({ operation: 'UpdateItem', key: typedMap({ pk, sk: 'a' }), update: { expression: 'REMOVE #old SET tags = list_append(if_not_exists(tags, :none), :t)', expressionNames: { '#old': 'old' }, expressionValues: typedMap({ ':none': [], ':t': ['a'] }) } });
      expect(item).toEqual({ pk, sk: 'a', title: 't', tags: ['a'] });
    });
  });

  describe('DeleteItem', () => {
    it('answers with the item deleted', async () => {
      const pk = partition();
      await put({ pk, sk: 'a', title: 'gone' });
      expect(await ds.result({ operation: 'DeleteItem', key: typedMap({ pk, sk: 'a' }) })).toEqual({ pk, sk: 'a', title: 'gone' });
      expect(await ds.result({ operation: 'GetItem', key: typedMap({ pk, sk: 'a' }) })).toBeNull();
    });

    it('answers null for an item that was not there', async () => {
      expect(await ds.invoke({ operation: 'DeleteItem', key: typedMap({ pk: partition(), sk: 'a' }) })).toEqual({ result: null });
    });

    it('counts a failed condition as a success when the item is already gone', async () => {
      const answer = await ds.invoke({ operation: 'DeleteItem', key: typedMap({ pk: partition(), sk: 'a' }), condition: { expression: 'attribute_exists(pk)' } });
      expect(answer).toEqual({ result: null });
    });

    it('refuses a failed condition on an item that is there, and ctx.result holds it', async () => {
      const pk = partition();
      await put({ pk, sk: 'a', locked: true });
      const answer = await ds.invoke({ operation: 'DeleteItem', key: typedMap({ pk, sk: 'a' }), condition: { expression: 'locked = :f', expressionValues: typedMap({ ':f': false }) } });
      expect(answer.error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
      expect(answer.result).toEqual({ pk, sk: 'a', locked: true });
    });
  });
});
