// The engines behind the data source, chosen in configuration: the whole local AppSync on DynamoDB Local,
// what each local engine keeps in a data folder across a restart, and the endpoint engine (AWS SDK v3,
// signed requests, deployed table names) against a DynamoDB-compatible store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dynamoDbDataSource } from '../../local/data-sources/dynamodb/index.ts';
import type { DynamoDbEngine } from '../../local/store/engine.ts';
import { startEngine, type EngineKind } from '../../local/store/engines.ts';
import { ensureTables } from '../../local/store/tables.ts';
import { fileURLToPath } from 'node:url';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { TABLES, typedMap } from './support/engines.ts';

// A small API of its own (fixtures/ledger.api.json), so these specifications do not follow HandsUp's product API.
const LEDGER = fileURLToPath(new URL('./fixtures/ledger.api.json', import.meta.url));
const gql = async (server: LocalAppSync, query: string, variables: Record<string, unknown> = {}) => {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data: any; errors?: any[] };
};
const transfer = 'mutation ($from: ID!, $to: ID!, $amount: Int!) { transfer(from: $from, to: $to, amount: $amount) }';

describe('the local AppSync on DynamoDB Local', () => {
  let server: LocalAppSync;
  beforeAll(async () => {
    server = await startLocalAppSync({ declaration: LEDGER, port: 0, host: '127.0.0.1', dataDir: null, engine: 'dynamodb-local' });
  }, 180_000);
  afterAll(() => server?.close());

  it('runs a TransactWriteItems resolver: both accounts change together', async () => {
    await gql(server, 'mutation { a: open(id: "alice", balance: 10) { id } b: open(id: "bob", balance: 0) { id } }');
    const body = await gql(server, transfer, { from: 'alice', to: 'bob', amount: 4 });
    expect(body).toEqual({ data: { transfer: ['alice', 'bob'] } });
    const balances = await gql(server, '{ a: account(id: "alice") { balance } b: account(id: "bob") { balance } }');
    expect(balances.data).toEqual({ a: { balance: 6 }, b: { balance: 4 } });
  });

  it('a cancelled transaction reaches the client as DynamoDB:TransactionCanceledException with its reasons, and changes nothing', async () => {
    await gql(server, 'mutation { c: open(id: "carol", balance: 3) { id } d: open(id: "dave", balance: 0) { id } }');
    const body = await gql(server, transfer, { from: 'carol', to: 'dave', amount: 1000 });
    expect(body.errors?.[0]).toMatchObject({
      errorType: 'DynamoDB:TransactionCanceledException',
      errorInfo: { cancellationReasons: [{ type: 'ConditionalCheckFailed' }, { type: 'None', message: null }] },
    });
    const balances = await gql(server, '{ c: account(id: "carol") { balance } d: account(id: "dave") { balance } }');
    expect(balances.data).toEqual({ c: { balance: 3 }, d: { balance: 0 } });
  });
});

describe('the local AppSync on dynalite', () => {
  let server: LocalAppSync;
  beforeAll(async () => {
    server = await startLocalAppSync({ declaration: LEDGER, port: 0, host: '127.0.0.1', dataDir: null });
    await gql(server, 'mutation { a: open(id: "alice", balance: 10) { id } }');
  });
  afterAll(() => server?.close());

  it('answers a transaction with the engine limitation as a field error, and keeps serving', async () => {
    const body = await gql(server, transfer, { from: 'alice', to: 'bob', amount: 1 });
    expect(body.data).toEqual({ transfer: null });
    expect(body.errors?.[0]).toMatchObject({ errorType: 'EngineLimitation', message: expect.stringContaining('--engine dynamodb-local') });
    expect((await gql(server, '{ account(id: "alice") { balance } }')).data).toEqual({ account: { balance: 10 } });
  });
});

describe('appsync-local serve --engine', () => {
  it('refuses an engine it does not know, naming the ones it has', async () => {
    const { main } = await import('../../local/cli/main.ts');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['serve', 'api.json', '--engine', 'mongodb'])).toBe(2);
      expect(String(stderr.mock.calls[0]?.[0])).toContain('Unknown engine: mongodb. Choose one of: dynalite, dynamodb-local, endpoint');
    } finally {
      stderr.mockRestore();
    }
  });
});

describe.each<EngineKind>(['dynalite', 'dynamodb-local'])('%s with a data folder', (kind) => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), `handsup-${kind}-`));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  // Two engine starts in one test: DynamoDB Local takes seconds each on a loaded 2-core machine.
  it('keeps tables and items across a restart', { timeout: 300_000 }, async () => {
    const first = await startEngine(kind, dataDir);
    await ensureTables(first, TABLES);
    await dynamoDbDataSource('t', 'Counters', first).invoke({ operation: 'PutItem', key: typedMap({ id: 'kept' }), attributeValues: typedMap({ votes: 3 }) });
    await first.close();
    const second = await startEngine(kind, dataDir);
    try {
      await ensureTables(second, TABLES);
      expect(await dynamoDbDataSource('t', 'Counters', second).invoke({ operation: 'GetItem', key: typedMap({ id: 'kept' }) })).toEqual({ result: { id: 'kept', votes: 3 } });
    } finally {
      await second.close();
    }
  });
});

describe('the endpoint engine (AWS SDK v3) against DynamoDB Local', () => {
  let store: DynamoDbEngine;
  let endpoint: DynamoDbEngine;
  beforeAll(async () => {
    store = await startEngine('dynamodb-local', null);
    // The usual credential chain: here, the environment. DynamoDB Local checks that requests are signed.
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
    endpoint = await startEngine({ kind: 'endpoint', url: store.url, region: 'eu-west-1', tables: { Things: 'handsup-main-Things' } }, null);
    await ensureTables(endpoint, { Things: TABLES.Things! });
  }, 180_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await endpoint?.close();
    await store?.close();
  });

  it('creates declared tables under the deployed names it is given, and data sources use them', async () => {
    await dynamoDbDataSource('t', 'Things', endpoint).invoke({ operation: 'PutItem', key: typedMap({ pk: 'a', sk: 'b' }), attributeValues: typedMap({ n: 1 }) });
    const { Item } = await store.call<{ Item?: unknown }>('GetItem', { TableName: 'handsup-main-Things', Key: { pk: { S: 'a' }, sk: { S: 'b' } } });
    expect(Item).toEqual({ pk: { S: 'a' }, sk: { S: 'b' }, n: { N: '1' } });
  });

  it('carries binary values through the SDK as base64, as AppSync results have them', async () => {
    const source = dynamoDbDataSource('t', 'Things', endpoint);
    await source.invoke({ operation: 'PutItem', key: typedMap({ pk: 'bin', sk: '1' }), attributeValues: { b: { B: 'AAEC/w==' }, bs: { BS: ['AQ=='] } } });
    expect(await source.invoke({ operation: 'GetItem', key: typedMap({ pk: 'bin', sk: '1' }) })).toEqual({ result: { pk: 'bin', sk: '1', b: 'AAEC/w==', bs: ['AQ=='] } });
  });

  it('answers a cancelled transaction with its reasons, as the local engines do', async () => {
    const source = dynamoDbDataSource('t', 'Things', endpoint);
    await source.invoke({ operation: 'PutItem', key: typedMap({ pk: 'tx', sk: '1' }), attributeValues: {} });
    const answer = await source.invoke({
      operation: 'TransactWriteItems',
      transactItems: [{ table: 'Things', operation: 'PutItem', key: typedMap({ pk: 'tx', sk: '1' }), attributeValues: {}, condition: { expression: 'attribute_not_exists(pk)' } }],
    });
    expect(answer.error?.type).toBe('DynamoDB:TransactionCanceledException');
    expect((answer.result as any).cancellationReasons).toEqual([
      { type: 'ConditionalCheckFailed', message: expect.stringMatching(/^The conditional request failed/), item: { pk: 'tx', sk: '1' } },
    ]);
  });
});
