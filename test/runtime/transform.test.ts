// util.transform: outputs as AWS documents and recorded them.
import { describe, expect, test } from 'vitest';
import { valueOf } from './support.ts';

describe('util.transform', () => {
  // Recorded EvaluateCode output (reference §2, [AWS-REC]).
  test('toDynamoDBFilterExpression returns a JSON string: contains', () => {
    expect(valueOf(`util.transform.toDynamoDBFilterExpression({ title: { contains: 'Hello World' } })`)).toBe(
      '{"expression":"(contains(#title,:title_contains))","expressionNames":{"#title":"title"},"expressionValues":{":title_contains":{"S":"Hello World"}}}',
    );
  });

  test('toDynamoDBConditionExpression joins top-level fields with AND', () => {
    expect(JSON.parse(valueOf(`util.transform.toDynamoDBConditionExpression({ id: { attributeExists: true }, version: { eq: 10 } })`) as string)).toEqual({
      expression: '(attribute_exists(#id)) AND (#version = :version_eq)',
      expressionNames: { '#id': 'id', '#version': 'version' },
      expressionValues: { ':version_eq': { N: 10 } },
    });
  });

  test('or arrays wrap their members and prefix value names', () => {
    expect(JSON.parse(valueOf(`util.transform.toDynamoDBFilterExpression({ or: [{ a: { eq: 1 } }, { b: { eq: 2 } }] })`) as string)).toEqual({
      expression: '((#a = :or_0_a_eq) OR (#b = :or_1_b_eq))',
      expressionNames: { '#a': 'a', '#b': 'b' },
      expressionValues: { ':or_0_a_eq': { N: 1 }, ':or_1_b_eq': { N: 2 } },
    });
  });

  // aws-appsync-real-time-enhanced-filtering.html: groups are ORed, the filters of a group ANDed.
  test('toSubscriptionFilter puts an or of ands into filter groups', () => {
    expect(
      valueOf(`util.transform.toSubscriptionFilter({ or: [{ severity: { ge: 7 }, priority: { in: ['high', 'medium'] } }, { category: { eq: 'security' } }] })`),
    ).toEqual({
      filterGroup: [
        { filters: [{ fieldName: 'severity', operator: 'ge', value: 7 }, { fieldName: 'priority', operator: 'in', value: ['high', 'medium'] }] },
        { filters: [{ fieldName: 'category', operator: 'eq', value: 'security' }] },
      ],
    });
  });

  test('toSubscriptionFilter leaves out the ignored fields', () => {
    expect(valueOf(`util.transform.toSubscriptionFilter({ a: { eq: 1 }, b: { eq: 2 } }, ['b'])`)).toEqual({
      filterGroup: [{ filters: [{ fieldName: 'a', operator: 'eq', value: 1 }] }],
    });
  });

  // transformation-helpers-in-utils-transform-js.html: the documented input and output.
  test('toElasticsearchQueryDSL turns the documented example into its query', () => {
    expect(JSON.parse(valueOf(`util.transform.toElasticsearchQueryDSL({ upvotes: { ne: 15, range: [10, 20] }, title: { eq: 'hihihi', wildcard: 'h*i' } })`) as string)).toEqual({
      bool: {
        must: [
          { bool: { must: [{ bool: { must_not: { term: { upvotes: 15 } } } }, { range: { upvotes: { gte: 10, lte: 20 } } }] } },
          { bool: { must: [{ term: { title: 'hihihi' } }, { wildcard: { title: 'h*i' } }] } },
        ],
      },
    });
  });
});
