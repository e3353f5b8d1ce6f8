// util.transform's condition and filter expressions, sent as they are to every engine: DynamoDB
// refuses an expression with redundant parentheses, which an and/or/not of one member used to give.
// The single-member `and` is what aws-samples/aws-appsync-resolver-samples' createTodo sends.
import { describe, expect, it } from 'vitest';
import { toDynamoDBConditionExpression, toDynamoDBFilterExpression } from '../../local/runtime/util/transform.ts';
import { ENGINES, partition, typedMap, useEngine } from './support/engines.ts';

const condition = (filter: Record<string, unknown>) => JSON.parse(toDynamoDBConditionExpression(filter));
const filter = (f: Record<string, unknown>) => JSON.parse(toDynamoDBFilterExpression(f));

describe.each(ENGINES)('util.transform expressions on %s', (engine) => {
  const ds = useEngine(engine);
  const put = (pk: string, sk: string, cond?: Record<string, unknown>, values: Record<string, unknown> = {}) =>
    ds.invoke({ operation: 'PutItem', key: typedMap({ pk, sk }), attributeValues: typedMap(values), ...(cond ? { condition: condition(cond) } : {}) });

  it('an and of one member is a condition DynamoDB accepts, and it holds', async () => {
    const pk = partition();
    const single = { and: [{ pk: { attributeExists: false } }] };
    expect(condition(single).expression).toBe('(attribute_not_exists(#pk))');
    expect(await put(pk, 'a', single, { title: 'first' })).toEqual({ result: { pk, sk: 'a', title: 'first' } });
    expect((await put(pk, 'a', single, { title: 'second' })).error?.type).toBe('DynamoDB:ConditionalCheckFailedException');
  });

  it('an or of one member, a not of one member and nested single members are accepted', async () => {
    const pk = partition();
    await put(pk, 'a', undefined, { votes: 1 });
    const nested = { or: [{ and: [{ votes: { eq: 1 } }] }], not: { votes: { gt: 5 } } };
    expect(condition(nested).expression).toBe('(#votes = :or_0_and_0_votes_eq) AND (NOT (#votes > :not_0_votes_gt))');
    expect(await put(pk, 'a', nested, { votes: 2 })).toEqual({ result: { pk, sk: 'a', votes: 2 } });
  });

  it('an and of several members keeps one pair of parentheses around them', async () => {
    const pk = partition();
    await put(pk, 'a', undefined, { votes: 3 });
    await put(pk, 'b', undefined, { votes: 7 });
    const f = filter({ and: [{ votes: { gt: 2 } }, { votes: { lt: 5 } }] });
    expect(f.expression).toBe('((#votes > :and_0_votes_gt) AND (#votes < :and_1_votes_lt))');
    const answer = await ds.result({
      operation: 'Query',
      query: { expression: 'pk = :pk', expressionValues: typedMap({ ':pk': pk }) },
      filter: f,
    });
    expect(answer.items).toEqual([{ pk, sk: 'a', votes: 3 }]);
  });

  it('a filter of one member in an or is accepted by Scan-style filtering', async () => {
    const pk = partition();
    await put(pk, 'a', undefined, { title: 'Hello' });
    await put(pk, 'b', undefined, { title: 'Bye' });
    const answer = await ds.result({
      operation: 'Query',
      query: { expression: 'pk = :pk', expressionValues: typedMap({ ':pk': pk }) },
      filter: filter({ or: [{ title: { beginsWith: 'He' } }] }),
    });
    expect(answer.items).toEqual([{ pk, sk: 'a', title: 'Hello' }]);
  });
});
