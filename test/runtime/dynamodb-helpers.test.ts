// @aws-appsync/utils/dynamodb: recorded EvaluateCode outputs (reference §5, [AWS-REC]) and the
// examples of the package's typings (dynamodb-helpers.d.ts) as expected values.
import { describe, expect, test } from 'vitest';
import { valueOf } from './support.ts';

describe('the dynamodb helpers', () => {
  test('get', () => {
    expect(valueOf(`ddb.get({ key: { id: 'id' } })`)).toEqual({ operation: 'GetItem', key: { id: { S: 'id' } } });
  });

  test('get with a projection names every path segment', () => {
    expect(valueOf(`ddb.get({ key: { id: 'id' }, projection: ['id', 'nested.object[1]'] })`)).toEqual({
      operation: 'GetItem',
      key: { id: { S: 'id' } },
      projection: { expression: '#projection0, #projection1.#projection2[1]', expressionNames: { '#projection0': 'id', '#projection1': 'nested', '#projection2': 'object' } },
    });
  });

  test('put: numbers stay JSON numbers', () => {
    expect(valueOf(`ddb.put({ key: { id: 'abc' }, item: { value: 10 } })`)).toEqual({
      operation: 'PutItem',
      key: { id: { S: 'abc' } },
      attributeValues: { value: { N: 10 } },
    });
  });

  test('put with a condition renders it as an expression', () => {
    expect(valueOf(`ddb.put({ key: { id: 'a' }, item: {}, condition: { id: { attributeExists: false } } })`)).toMatchObject({
      condition: { expression: '(attribute_not_exists(#id))', expressionNames: { '#id': 'id' } },
    });
  });

  test('remove', () => {
    expect(valueOf(`ddb.remove({ key: { id: 'a' } })`)).toEqual({ operation: 'DeleteItem', key: { id: { S: 'a' } } });
  });

  test('scan', () => {
    expect(valueOf(`ddb.scan({ limit: 10, nextToken: 'abc' })`)).toEqual({ operation: 'Scan', limit: 10, nextToken: 'abc' });
  });

  test.each([
    ['increment(10)', { type: 'OPERATION_INCREMENT', by: 10 }],
    ['add(10)', { type: 'OPERATION_ADD', value: 10 }],
    ['replace("x")', { type: 'OPERATION_REPLACE', value: 'x' }],
    ['append([1, 2, 3])', { type: 'OPERATION_APPEND', items: [1, 2, 3] }],
  ])('operations.%s', (call, expected) => {
    expect(valueOf(`ddb.operations.${call}`)).toEqual(expected);
  });

  test.each([
    ['increment(1)', 'SET #expName_1 = #expName_1 + :expValue_1', { ':expValue_1': { N: 1 } }],
    ['decrement(1)', 'SET #expName_1 = #expName_1 - :expValue_1', { ':expValue_1': { N: 1 } }],
    ['append([1])', 'SET #expName_1 = list_append(#expName_1, :expValue_1)', { ':expValue_1': { L: [{ N: 1 }] } }],
    ['prepend([1])', 'SET #expName_1 = list_append(:expValue_1, #expName_1)', { ':expValue_1': { L: [{ N: 1 }] } }],
    ['add(1)', 'SET #expName_1 = :expValue_1', { ':expValue_1': { N: 1 } }],
    ['replace(1)', 'SET #expName_1 = :expValue_1', { ':expValue_1': { N: 1 } }],
  ])('update with operations.%s', (call, expression, expressionValues) => {
    expect(valueOf(`ddb.update({ key: { id: 'p1' }, update: { votes: ddb.operations.${call} } })`)).toEqual({
      operation: 'UpdateItem',
      key: { id: { S: 'p1' } },
      update: { expression, expressionNames: { '#expName_1': 'votes' }, expressionValues },
    });
  });

  test('update with remove() and updateListItem()', () => {
    expect(valueOf(`ddb.update({ key: { id: 'p1' }, update: { tags: ddb.operations.updateListItem('x', 2), old: ddb.operations.remove() } })`)).toMatchObject({
      update: {
        expression: 'SET #expName_1[2] = :expValue_1 REMOVE #expName_2',
        expressionNames: { '#expName_1': 'tags', '#expName_2': 'old' },
        expressionValues: { ':expValue_1': { S: 'x' } },
      },
    });
  });

  test('query renders the key condition and keeps the options', () => {
    expect(valueOf(`ddb.query({ query: { id: { eq: 'a' } }, index: 'byType', limit: 5, scanIndexForward: false })`)).toEqual({
      operation: 'Query',
      query: { expression: '(#id = :id_eq)', expressionNames: { '#id': 'id' }, expressionValues: { ':id_eq': { S: 'a' } } },
      index: 'byType',
      limit: 5,
      scanIndexForward: false,
    });
  });

  test('sync', () => {
    expect(valueOf(`ddb.sync({ limit: 10, lastSync: 1000 })`)).toEqual({ operation: 'Sync', limit: 10, lastSync: 1000 });
  });

  // The typings' examples for the batch and transaction helpers.
  test('batchGet', () => {
    expect(valueOf(`ddb.batchGet({ tables: { post: { keys: [{ id: '1' }, { id: '2' }], consistentRead: false, projection: ['id'] } } })`)).toEqual({
      operation: 'BatchGetItem',
      tables: {
        post: {
          keys: [{ id: { S: '1' } }, { id: { S: '2' } }],
          consistentRead: false,
          projection: { expression: '#projection0', expressionNames: { '#projection0': 'id' } },
        },
      },
    });
  });

  test('batchPut', () => {
    expect(valueOf(`ddb.batchPut({ tables: { post: [{ id: 'one', value: 'x' }], comment: [{ id: 'one', text: 'something' }] } })`)).toEqual({
      operation: 'BatchPutItem',
      tables: { post: [{ id: { S: 'one' }, value: { S: 'x' } }], comment: [{ id: { S: 'one' }, text: { S: 'something' } }] },
    });
  });

  test('batchDelete', () => {
    expect(valueOf(`ddb.batchDelete({ tables: { post: [{ id: 'one' }, { id: 'two' }] } })`)).toEqual({
      operation: 'BatchDeleteItem',
      tables: { post: [{ id: { S: 'one' } }, { id: { S: 'two' } }] },
    });
  });

  test('transactGet', () => {
    expect(valueOf(`ddb.transactGet({ items: [{ table: 'post', key: { id: '1' }, projection: ['name'] }] })`)).toEqual({
      operation: 'TransactGetItems',
      transactItems: [{ table: 'post', key: { id: { S: '1' } }, projection: { expression: '#projection0', expressionNames: { '#projection0': 'name' } } }],
    });
  });

  test('transactWrite: one request per item, named by operation', () => {
    const request = valueOf(`ddb.transactWrite({ items: [
      { putItem: { table: 'post', key: { id: '1' }, item: { title: 't' } } },
      { deleteItem: { table: 'post', key: { id: '2' } } },
      { updateItem: { table: 'post', key: { id: '3' }, update: { n: ddb.operations.increment(1) } } },
      { conditionCheck: { table: 'post', key: { id: '4' }, condition: { id: { attributeExists: true } } } },
    ] })`) as { operation: string; transactItems: { operation: string; table: string }[] };
    expect(request.operation).toBe('TransactWriteItems');
    expect(request.transactItems.map((item) => [item.table, item.operation])).toEqual([
      ['post', 'PutItem'],
      ['post', 'DeleteItem'],
      ['post', 'UpdateItem'],
      ['post', 'ConditionCheck'],
    ]);
  });

  test('toNumberSet gives strings, as the typings document ({ NS: ["1", "2", "3"] })', () => {
    expect(valueOf(`ddb.toNumberSet([1, 2, 3])`)).toEqual({ NS: ['1', '2', '3'] });
  });

  test('a set put in an item stays a set', () => {
    expect(valueOf(`ddb.put({ key: { id: 'a' }, item: { tags: ddb.toStringSet(['x', 'y']) } }).attributeValues`)).toEqual({ tags: { SS: ['x', 'y'] } });
  });
});

describe('util.dynamodb', () => {
  // Recorded EvaluateCode outputs (reference §2, [AWS-REC]).
  test('toNumber keeps a JSON number', () => {
    expect(valueOf(`util.dynamodb.toNumber(12345)`)).toEqual({ N: 12345 });
  });

  test('toNumberSet keeps JSON numbers', () => {
    expect(valueOf(`util.dynamodb.toNumberSet([1, 23, 4.56])`)).toEqual({ NS: [1, 23, 4.56] });
  });

  test('toDynamoDB of a map', () => {
    expect(valueOf(`util.dynamodb.toDynamoDB({ foo: 'bar', baz: 1234, beep: ['boop'] })`)).toEqual({
      M: { baz: { N: 1234 }, beep: { L: [{ S: 'boop' }] }, foo: { S: 'bar' } },
    });
  });

  test('toS3Object and fromS3ObjectJson', () => {
    expect(valueOf(`[util.dynamodb.toS3Object('k', 'b', 'us-west-2'), util.dynamodb.fromS3ObjectJson('{"s3":{"key":"k","bucket":"b","region":"us-west-2"}}')]`)).toEqual([
      { S: '{"s3":{"key":"k","bucket":"b","region":"us-west-2"}}' },
      { key: 'k', bucket: 'b', region: 'us-west-2' },
    ]);
  });

  test('the typed converters answer null for null', () => {
    expect(valueOf(`[util.dynamodb.toString(null), util.dynamodb.toNull()]`)).toEqual([null, { NULL: null }]);
  });
});
