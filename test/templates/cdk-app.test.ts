// A CDK app (aws-cdk-lib's AppSync constructs) synthesised in-process into a real
// cloud assembly, then served from that cdk.out folder: its table in a nested stack,
// its schema and a pipeline function as file assets, inline code, ctx.env carrying the
// table's generated name; queried through real HTTP and a real subscription.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadApiSource } from '../../local/declaration/source.ts';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { graphql } from '../support/local-appsync.ts';
import { ProtocolClient } from '../support/protocol-client.ts';

const FIXTURES = 'test/templates/fixtures/cdk-app';

function synthesise(outdir: string) {
  // CDK's validation plugin (a WebAssembly engine, tens of seconds on a busy machine) checks templates, not what is served here.
  const validation = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'false';
  const app = new App({ outdir });
  const stack = new Stack(app, 'ChatStack');
  new Stack(app, 'OtherStack').node.addMetadata('purpose', 'a second stack, for --stack');
  const storage = new NestedStack(stack, 'Storage');
  const table = new dynamodb.Table(storage, 'Messages', {
    partitionKey: { name: 'room', type: dynamodb.AttributeType.STRING },
    sortKey: { name: 'id', type: dynamodb.AttributeType.STRING },
    billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
  });
  const api = new appsync.GraphqlApi(stack, 'Api', {
    name: 'chat',
    definition: appsync.Definition.fromSchema(appsync.SchemaFile.fromAsset(join(FIXTURES, 'schema.graphql'))),
    environmentVariables: { MESSAGES_TABLE: table.tableName },
  });
  const messages = api.addDynamoDbDataSource('messages', table);
  const none = api.addNoneDataSource('none');
  const post = new appsync.AppsyncFunction(stack, 'PostFunction', {
    api,
    name: 'post',
    dataSource: messages,
    runtime: appsync.FunctionRuntime.JS_1_0_0,
    code: appsync.Code.fromAsset(join(FIXTURES, 'post.js')),
  });
  const passThrough = appsync.Code.fromInline('export const request = () => ({});\nexport const response = (ctx) => ctx.prev.result;\n');
  new appsync.Resolver(stack, 'PostResolver', { api, typeName: 'Mutation', fieldName: 'post', runtime: appsync.FunctionRuntime.JS_1_0_0, pipelineConfig: [post], code: passThrough });
  messages.createResolver('MessagesResolver', {
    typeName: 'Query',
    fieldName: 'messages',
    runtime: appsync.FunctionRuntime.JS_1_0_0,
    code: appsync.Code.fromInline(
      [
        "import { query } from '@aws-appsync/utils/dynamodb';",
        'export const request = (ctx) => query({ query: { room: { eq: ctx.args.room } }, limit: ctx.args.limit, nextToken: ctx.args.nextToken });',
        'export const response = (ctx) => ({ items: ctx.result.items, nextToken: ctx.result.nextToken });',
      ].join('\n'),
    ),
  });
  none.createResolver('TableNameResolver', {
    typeName: 'Query',
    fieldName: 'tableName',
    runtime: appsync.FunctionRuntime.JS_1_0_0,
    code: appsync.Code.fromInline('export const request = () => ({});\nexport const response = (ctx) => ctx.env.MESSAGES_TABLE;\n'),
  });
  try {
    return app.synth().directory;
  } finally {
    if (validation === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = validation;
  }
}

let cdkOut: string;
let server: LocalAppSync;
beforeAll(async () => {
  cdkOut = synthesise(mkdtempSync(join(tmpdir(), 'cdk-out-')));
  server = await startLocalAppSync({ declaration: cdkOut, source: { stack: 'ChatStack' }, port: 0, host: '127.0.0.1', dataDir: null });
}, 180_000);
afterAll(async () => {
  await server?.close();
  rmSync(cdkOut, { recursive: true, force: true });
});

const post = (room: string, text: string) =>
  graphql(server, 'mutation ($room: String!, $text: String!) { post(room: $room, text: $text, author: "ann") { room id text author } }', { room, text });

describe('a CDK app served from its cloud assembly', () => {
  it('reads the API, the nested stack\'s table and both code assets', () => {
    const api = server.api.declaration;
    expect(api.name).toBe('chat');
    const [tableName] = Object.keys(api.tables);
    expect(tableName).toMatch(/^ChatStack-StorageNestedStack\w+-[A-Z0-9]{12}-Messages[0-9A-F]{8}-[A-Z0-9]{12}$/);
    expect(api.dataSources.messages).toEqual({ type: 'AMAZON_DYNAMODB', table: tableName });
    expect(api.functions.post!.code).toMatch(/asset\.[0-9a-f]{64}\.js$/);
    expect(api.schemaSource).toContain('onPost');
  });

  it('serves the pipeline with its code asset, and the query reads back what it wrote', async () => {
    const written = await post('lobby', 'hello');
    expect(written.body.errors).toBeUndefined();
    expect(written.body.data.post).toMatchObject({ room: 'lobby', text: 'hello', author: 'ann' });
    const read = await graphql(server, '{ messages(room: "lobby") { items { text } } }');
    expect(read.body).toEqual({ data: { messages: { items: [{ text: 'hello' }] } } });
  });

  it('gives ctx.env the table name the nested stack\'s output carries', async () => {
    const answer = await graphql(server, '{ tableName }');
    expect(answer.body.data.tableName).toBe(Object.keys(server.api.declaration.tables)[0]);
  });

  it('pushes a post to a subscription on its room', async () => {
    const client = await ProtocolClient.connect(server.realtimeUrl, { apiKey: server.apiKey });
    try {
      await client.init();
      await client.subscribe('1', 'subscription { onPost(room: "news") { room text } }');
      await post('other', 'not news');
      await post('news', 'extra!');
      expect((await client.expect('data', '1')).payload.data.onPost).toEqual({ room: 'news', text: 'extra!' });
      expect(await client.framesUntilSettled()).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('asks for --stack when the assembly has several stacks, and names them', () => {
    expect(() => loadApiSource(cdkOut, { stack: 'Nope' })).toThrow(`${cdkOut}: no stack Nope; the assembly has: ChatStack, OtherStack`);
    expect(loadApiSource(cdkOut).name).toBe('chat');
  });
});
