// console.log/console.error are captured per request, in the line shape EvaluateCode returns.
import { describe, expect, test } from 'vitest';
import { evaluate } from './support.ts';

// The example of devguide/test-resolvers.html: its logs and evaluationResult are the expected values.
const DOCUMENTED = `import { util } from '@aws-appsync/utils';

export function request(ctx) {
  const id = ctx.args.id;
  console.log('current id', id);
  const item = { owner: 'John doe', expectedVersion: 2, authorId: 'Sammy Davis' };
  const key = { id: util.dynamodb.toDynamoDB(id) };
  const attributeValues = util.dynamodb.toMapValues(item);
  console.log('request evaluated');
  return { operation: 'PutItem', key, attributeValues };
}

export function response(ctx) {
  return ctx.result;
}
`;

describe('console', () => {
  test('console.log lines read INFO - code.js:line:column: then each argument as JSON (test-resolvers.html)', () => {
    const output = evaluate(DOCUMENTED, 'request', { arguments: { id: 'record-id' } });
    expect(output.logs).toEqual(['INFO - code.js:5:3: "current id" "record-id"', 'INFO - code.js:9:3: "request evaluated"']);
    expect(output.evaluationResult).toBe(
      '{"operation":"PutItem","key":{"id":{"S":"record-id"}},"attributeValues":{"owner":{"S":"John doe"},"expectedVersion":{"N":2},"authorId":{"S":"Sammy Davis"}}}',
    );
  });

  test('console.error lines read ERROR - ', () => {
    const code = `export function request(ctx) {\n  console.error('bad', { n: 1 });\n  return null;\n}\nexport function response(ctx) { return ctx.result; }`;
    expect(evaluate(code).logs).toEqual(['ERROR - code.js:2:3: "bad" {"n":1}']);
  });
});
