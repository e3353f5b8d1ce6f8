// AppSync's request limits from the declaration — query depth, resolver count,
// introspection — each refusing the whole request before any resolver runs.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createApi } from '../../local/api.ts';
import { parseDeclaration } from '../../local/declaration/declaration.ts';
import { executeRequest } from '../../local/graphql/execute.ts';
import { RequestState } from '../../local/resolvers/request-state.ts';
import type { DynamoDbEngine } from '../../local/store/engine.ts';

const dir = mkdtempSync(join(tmpdir(), 'appsync-limits-'));
writeFileSync(join(dir, 'schema.graphql'), `
type Node { id: ID! name: String child: Node children: [Node] }
type Query { node: Node plain: String }
`);
const resolver = (payload: string) =>
  `export function request(ctx) {\n  return { payload: ${payload} };\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n`;
writeFileSync(join(dir, 'node.js'), resolver(`{ id: 'n', name: 'root' }`));
writeFileSync(join(dir, 'child.js'), resolver(`{ id: 'c', name: 'child' }`));
writeFileSync(join(dir, 'children.js'), resolver(`[{ id: 'a' }, { id: 'b' }, { id: 'c' }]`));

function apiWith(limits: Record<string, unknown>) {
  return createApi(
    parseDeclaration(
      {
        name: 'limits',
        schema: 'schema.graphql',
        authorization: { default: 'API_KEY' },
        dataSources: { none: { type: 'NONE' } },
        resolvers: {
          'Query.node': { dataSource: 'none', code: 'node.js' },
          'Node.child': { dataSource: 'none', code: 'child.js' },
          'Node.children': { dataSource: 'none', code: 'children.js' },
        },
        ...limits,
      },
      join(dir, 'api.json'),
    ),
    {} as DynamoDbEngine,
  );
}

async function request(api: ReturnType<typeof apiWith>, query: string) {
  const state = new RequestState({ headers: {}, domainName: null, identity: null, env: {} }, 'API Key Authorization');
  const { body } = await executeRequest(api.schema, api.fieldResolver, { query }, state, api);
  return { body, resolversRun: state.invocations.length };
}

const limitError = (message: string) => ({ path: null, data: null, errorType: 'LimitExceededException', errorInfo: null, locations: null, message });

describe('query depth limit', () => {
  const api = apiWith({ queryDepthLimit: 2 });

  test('a query deeper than the limit is refused whole, before any resolver runs', async () => {
    const { body, resolversRun } = await request(api, '{ node { child { id } } }');
    expect(body).toEqual({ data: null, errors: [limitError('Query depth limit of 2 exceeded: the query is 3 levels deep.')] });
    expect(resolversRun).toBe(0);
  });

  test('depth counts through fragments and inline fragments', async () => {
    const { body } = await request(api, '{ ...F } fragment F on Query { node { ... on Node { child { id } } } }');
    expect(body.errors?.[0]?.message).toBe('Query depth limit of 2 exceeded: the query is 3 levels deep.');
  });

  test('a query at the limit runs', async () => {
    expect((await request(api, '{ node { child { id } } }'.replace('child { id }', 'id'))).body).toEqual({ data: { node: { id: 'n' } } });
  });

  test('without a limit (the default, 0) any depth runs', async () => {
    const { body } = await request(apiWith({}), '{ node { child { child { child { id } } } } }');
    expect(body).toEqual({ data: { node: { child: { child: { child: { id: 'c' } } } } } });
  });

  test('the declaration refuses a limit above AppSync\'s 75', () => {
    expect(() => apiWith({ queryDepthLimit: 76 })).toThrow(/queryDepthLimit/);
  });
});

describe('resolver count limit', () => {
  test('a query selecting more fields with resolvers than the limit is refused before any resolver runs', async () => {
    const { body, resolversRun } = await request(apiWith({ resolverCountLimit: 2 }), '{ a: node { id } b: node { id } c: node { id } }');
    expect(body).toEqual({ data: null, errors: [limitError('Resolver count limit of 2 exceeded: the query selects more fields with resolvers.')] });
    expect(resolversRun).toBe(0);
  });

  test('fields without a resolver do not count', async () => {
    const { body } = await request(apiWith({ resolverCountLimit: 1 }), '{ node { id name } plain }');
    expect(body).toEqual({ data: { node: { id: 'n', name: 'root' }, plain: null } });
  });

  test('by default (10,000) a query of 11,110 resolvers is refused before validation', async () => {
    // Within the 15,000-token parse limit (query-limits.ts): 110 aliases of node, each spreading 100 aliases of child.
    const children = Array.from({ length: 100 }, (_, i) => `c${i}: child { id }`).join(' ');
    const aliases = Array.from({ length: 110 }, (_, i) => `a${i}: node { ...Children }`).join(' ');
    const { body, resolversRun } = await request(apiWith({}), `{ ${aliases} } fragment Children on Node { ${children} }`);
    expect(body.errors?.[0]?.message).toBe('Resolver count limit of 10000 exceeded: the query selects more fields with resolvers.');
    expect(resolversRun).toBe(0);
  });

  test('resolvers of list items beyond the limit fail with the limit error, each alone', async () => {
    // Three Node.children items each resolving Node.child: 1 + 1 + 3 runs against a limit of 4.
    const { body } = await request(apiWith({ resolverCountLimit: 4 }), '{ node { children { child { id } } } }');
    expect(body.data).toEqual({ node: { children: [{ child: { id: 'c' } }, { child: { id: 'c' } }, { child: null }] } });
    expect(body.errors).toEqual([expect.objectContaining({ path: ['node', 'children', 2, 'child'], errorType: 'LimitExceededException', message: 'Resolver count limit of 4 exceeded.' })]);
  });

  test('fragments spread twice at every level are measured once each, not exponentially', async () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Node { id }` : `fragment F${i} on Node { child { ...F${i + 1} } a: child { ...F${i + 1} } }`,
    ).join(' ');
    const { body, resolversRun } = await request(apiWith({}), `{ node { ...F0 } } ${fragments}`);
    expect(body.errors?.[0]?.errorType).toBe('LimitExceededException');
    expect(resolversRun).toBe(0);
  });
});

describe('introspection', () => {
  test('disabled: __schema and __type are refused as validation errors, before any resolver runs', async () => {
    const { body, resolversRun } = await request(apiWith({ introspectionConfig: 'DISABLED' }), '{ node { id } __schema { queryType { name } } }');
    expect(body.data).toBeNull();
    expect(body.errors?.[0]).toEqual(expect.objectContaining({ message: expect.stringContaining('introspection has been disabled'), locations: [{ line: 1, column: 15, sourceName: null }] }));
    expect(resolversRun).toBe(0);
  });

  test('disabled: __typename still answers', async () => {
    expect((await request(apiWith({ introspectionConfig: 'DISABLED' }), '{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
  });

  test('enabled (the default): __schema answers', async () => {
    expect((await request(apiWith({}), '{ __schema { queryType { name } } }')).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });
});
