// Errors from resolver code as a GraphQL response shows them: AppSync's error
// shape, util.error's data filtered by the selection set, null propagation.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createApi } from '../../local/api.ts';
import { parseDeclaration } from '../../local/declaration/declaration.ts';
import { executeRequest } from '../../local/graphql/execute.ts';
import { RequestState } from '../../local/resolvers/request-state.ts';
import type { DynamoDbEngine } from '../../local/store/engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'appsync-errors-'));
writeFileSync(join(dir, 'schema.graphql'), `
type Item { id: ID! name: String secret: String }
type Query { failing: Item appended: Item required: Item! crashing: String }
`);
const resolver = (request: string, response = 'return ctx.result;') =>
  `import { util } from '@aws-appsync/utils';\nexport function request(ctx) {\n  ${request}\n}\nexport function response(ctx) {\n  ${response}\n}\n`;
writeFileSync(join(dir, 'failing.js'), resolver(`util.error('Nope', 'Custom', { id: '1', name: 'n', secret: 's' }, { hint: 'h' });`));
writeFileSync(join(dir, 'appended.js'), resolver(`util.appendError('Careful', 'Warning'); return { payload: { id: '2', name: 'ok' } };`));
writeFileSync(join(dir, 'required.js'), resolver(`return { payload: null };`));
writeFileSync(join(dir, 'crashing.js'), resolver(`return { payload: ctx.args.nothing.here };`));
const api = createApi(
  parseDeclaration(
    {
      name: 'errors',
      schema: 'schema.graphql',
      authorization: { default: 'API_KEY' },
      dataSources: { none: { type: 'NONE' } },
      resolvers: {
        'Query.failing': { dataSource: 'none', code: 'failing.js' },
        'Query.appended': { dataSource: 'none', code: 'appended.js' },
        'Query.required': { dataSource: 'none', code: 'required.js' },
        'Query.crashing': { dataSource: 'none', code: 'crashing.js' },
      },
    },
    join(dir, 'api.json'),
  ),
  {} as DynamoDbEngine,
);

async function query(text: string) {
  const state = new RequestState({ headers: {}, domainName: null, identity: null, env: {} }, 'API Key Authorization');
  return (await executeRequest(api.schema, api.fieldResolver, { query: text }, state)).body;
}

describe('resolver errors in a GraphQL response', () => {
  test('util.error: the field is null and the error has path, data (filtered), errorType, errorInfo, locations, message', async () => {
    expect(await query('{ failing { id name } }')).toEqual({
      data: { failing: null },
      errors: [
        {
          path: ['failing'],
          data: { id: '1', name: 'n' },
          errorType: 'Custom',
          errorInfo: { hint: 'h' },
          locations: [{ line: 1, column: 3, sourceName: null }],
          message: 'Nope',
        },
      ],
    });
  });

  test('util.appendError: the field keeps its value and the error is listed beside it', async () => {
    const body = await query('{ appended { id name } }');
    expect(body.data).toEqual({ appended: { id: '2', name: 'ok' } });
    expect(body.errors).toMatchObject([{ path: ['appended'], errorType: 'Warning', message: 'Careful' }]);
  });

  test('null in a non-null field propagates to the parent', async () => {
    const body = await query('{ required { id } }');
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
  });

  test('a runtime exception is the field error, errorType Code', async () => {
    const body = await query('{ crashing }');
    expect(body.data).toEqual({ crashing: null });
    expect(body.errors).toMatchObject([{ path: ['crashing'], errorType: 'Code', message: expect.stringMatching(/crashing\.js:3:\d+: Cannot read properties of undefined/) }]);
  });
});
