// A Todo API in the shape of AWS's public sample (aws-samples/aws-appsync-resolver-samples,
// examples/cloudformation), served straight from its CloudFormation YAML template: the sample
// README's flows through real HTTP and a real subscription, an inline Lambda function as a
// direct resolver, and a VTL resolver from its inline mapping templates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { startLocalAppSync } from '../../local/server.ts';
import { ProtocolClient } from '../support/protocol-client.ts';
import { graphql } from '../support/local-appsync.ts';

const TEMPLATE = 'test/templates/fixtures/todo-api/template.yaml';
const TODO = 'id title description owner';

let server: LocalAppSync;
beforeAll(async () => {
  server = await startLocalAppSync({ declaration: TEMPLATE, port: 0, host: '127.0.0.1', dataDir: null });
});
afterAll(() => server?.close());

const ok = async (query: string, variables: Record<string, unknown> = {}) => {
  const answer = await graphql(server, query, variables);
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.data;
};
const create = async (input: Record<string, unknown>) => (await ok(`mutation ($input: CreateTodoInput!) { createTodo(input: $input) { ${TODO} } }`, { input })).createTodo;

describe('the sample Todo API served from its template', () => {
  it('creates a todo through a condition that is an and of one member, and gets it back', async () => {
    const todo = await create({ title: 'Buy milk', description: '2 litres', owner: 'ann' });
    expect(todo).toMatchObject({ title: 'Buy milk', description: '2 litres', owner: 'ann' });
    expect((await ok(`query ($id: ID!) { getTodo(id: $id) { ${TODO} } }`, { id: todo.id })).getTodo).toEqual(todo);
  });

  it('updates a todo, and refuses to update one that does not exist', async () => {
    const todo = await create({ title: 'Draft', owner: 'bob' });
    const updated = await ok(`mutation ($input: UpdateTodoInput!) { updateTodo(input: $input) { ${TODO} } }`, { input: { id: todo.id, title: 'Final' } });
    expect(updated.updateTodo).toEqual({ ...todo, title: 'Final' });
    const missing = await graphql(server, `mutation { updateTodo(input: { id: "nope", title: "x" }) { id } }`);
    expect(missing.body.errors?.[0]).toMatchObject({ errorType: 'DynamoDB:ConditionalCheckFailedException', path: ['updateTodo'] });
  });

  it('deletes a todo', async () => {
    const todo = await create({ title: 'Gone soon' });
    expect((await ok(`mutation ($id: ID!) { deleteTodo(input: { id: $id }) { id title } }`, { id: todo.id })).deleteTodo).toEqual({ id: todo.id, title: 'Gone soon' });
    expect((await ok(`query ($id: ID!) { getTodo(id: $id) { id } }`, { id: todo.id })).getTodo).toBeNull();
  });

  it('lists todos page by page through the pipeline resolver and its code asset', async () => {
    const owner = `pager-${Date.now()}`;
    for (const title of ['a', 'b', 'c']) await create({ title, owner });
    const seen: string[] = [];
    let nextToken: string | null = null;
    do {
      const page: any = (await ok(`query ($filter: TableTodoFilterInput, $nextToken: String) { listTodos(filter: $filter, limit: 1, nextToken: $nextToken) { items { title } nextToken } }`, {
        filter: { owner: { eq: owner } },
        nextToken,
      })).listTodos;
      seen.push(...page.items.map((t: { title: string }) => t.title));
      nextToken = page.nextToken;
    } while (nextToken);
    expect(seen.sort()).toEqual(['a', 'b', 'c']);
  });

  it('filters a list with util.transform.toDynamoDBFilterExpression', async () => {
    const owner = `filter-${Date.now()}`;
    await create({ title: 'Walk the dog', owner });
    await create({ title: 'Feed the cat', owner });
    const found = await ok(`query ($filter: TableTodoFilterInput) { listTodos(filter: $filter, limit: 1000) { items { title } } }`, {
      filter: { owner: { eq: owner }, title: { beginsWith: 'Walk' } },
    });
    expect(found.listTodos.items).toEqual([{ title: 'Walk the dog' }]);
  });

  it('queries the owner index', async () => {
    const owner = `index-${Date.now()}`;
    await create({ title: 'One', owner });
    await create({ title: 'Two', owner });
    const found = await ok(`query ($owner: String!) { queryTodosByOwnerIndex(owner: $owner) { items { title owner } } }`, { owner });
    expect(found.queryTodosByOwnerIndex.items.map((t: { title: string }) => t.title).sort()).toEqual(['One', 'Two']);
  });

  it('pushes a created todo to a subscription whose argument filter matches it, and not the others', async () => {
    const client = await ProtocolClient.connect(server.realtimeUrl, { apiKey: server.apiKey });
    try {
      await client.init();
      await client.subscribe('1', `subscription { onCreateTodo(owner: "carol") { ${TODO} } }`);
      await create({ title: 'Not for carol', owner: 'dave' });
      const todo = await create({ title: 'For carol', owner: 'carol' });
      const frame = await client.expect('data', '1');
      expect(frame.payload.data.onCreateTodo).toEqual(todo);
      expect(await client.framesUntilSettled()).toEqual([]);
    } finally {
      client.close();
    }
  });
});

describe('names as CloudFormation makes them', () => {
  it('gives the table without a TableName a stack-logicalId-SUFFIX name, which ctx.env and the ARN carry', async () => {
    const env = (await ok('{ environment { table tableArn stage } }')).environment;
    expect(env.table).toMatch(/^todo-api-TodoTable-[A-Z0-9]{12}$/);
    expect(env.tableArn).toBe(`arn:aws:dynamodb:us-east-1:123456789012:table/${env.table}`);
    expect(env.stage).toBe('dev');
    expect(Object.keys(server.api.declaration.tables)).toEqual([env.table]);
  });
});

describe('a Lambda data source of the template', () => {
  it('runs its inline function as a direct resolver, batched by MaxBatchSize', async () => {
    expect((await graphql(server, '{ weather }')).body).toEqual({ data: { weather: 'sunny' } });
  });
});

describe('a VTL resolver of the template', () => {
  it('serves it from its inline RequestMappingTemplate and ResponseMappingTemplate', async () => {
    const created = await create({ title: 'Legacy', owner: 'vtl' });
    const answer = await graphql(server, 'query ($id: ID!) { legacyTodo(id: $id) { id title } }', { id: created.id });
    expect(answer.body).toEqual({ data: { legacyTodo: { id: created.id, title: 'Legacy' } } });
  });

  it('leaves no field unserved', () => {
    expect(server.api.declaration.unsupported).toEqual({});
  });
});
