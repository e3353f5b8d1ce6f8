// The engines every data source specification runs against, each started once per test file
// (DynamoDB Local takes a few seconds to start), with the tables the specifications use.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { DataSourceAnswer } from '../../../local/data-sources/data-source.ts';
import { dynamoDbDataSource } from '../../../local/data-sources/dynamodb/index.ts';
import type { TableDeclaration } from '../../../local/declaration/declaration.ts';
import type { DynamoDbEngine } from '../../../local/store/engine.ts';
import { startEngine, type EngineKind } from '../../../local/store/engines.ts';
import { ensureTables } from '../../../local/store/tables.ts';

export const ENGINES: EngineKind[] = ['dynalite', 'dynamodb-local'];

const key = (name: string, type: 'S' | 'N' = 'S') => ({ name, type }) as const;

/** Things: pk + sk, a GSI on type/createdAt, an LSI on rank. Counters and Scanned: a partition key only. */
export const TABLES: Record<string, TableDeclaration> = {
  Things: {
    partitionKey: key('pk'),
    sortKey: key('sk'),
    globalSecondaryIndexes: [{ name: 'byType', partitionKey: key('type'), sortKey: key('createdAt') }],
    localSecondaryIndexes: [{ name: 'byRank', sortKey: key('rank', 'N') }],
  },
  Counters: { partitionKey: key('id'), globalSecondaryIndexes: [], localSecondaryIndexes: [] },
  /** Filled once by the Scan and Sync specifications, then only read. */
  Scanned: { partitionKey: key('id', 'N'), globalSecondaryIndexes: [], localSecondaryIndexes: [] },
};

export type Harness = {
  engine(): DynamoDbEngine;
  /** Invokes the data source bound to `table` with a request object, as a resolver's request handler returns it. */
  invoke(request: unknown, table?: string): Promise<DataSourceAnswer>;
  /** Invokes and expects no error; answers ctx.result. */
  result<T = any>(request: unknown, table?: string): Promise<T>;
};

export function useEngine(kind: EngineKind): Harness {
  let engine: DynamoDbEngine;
  // DynamoDB Local starts in ~2.5 s on a quiet machine, but a JVM start on two busy cores can take 30 s and more.
  beforeAll(async () => {
    engine = await startEngine(kind, null);
    await ensureTables(engine, TABLES);
  }, 180_000);
  afterAll(async () => {
    await engine?.close();
  });
  const invoke = async (request: unknown, table = 'Things') => dynamoDbDataSource('test', table, engine).invoke(request);
  return {
    engine: () => engine,
    invoke,
    async result(request, table) {
      const answer = await invoke(request, table);
      if (answer.error) throw new Error(`${answer.error.type}: ${answer.error.message}`);
      return answer.result as never;
    },
  };
}

/** A partition of its own for each test, so tests never see each other's items. */
export const partition = () => `p-${randomUUID()}`;

/** AppSync's typed value for a plain one, as util.dynamodb.toDynamoDB makes it (numbers stay JSON numbers). */
export function typed(value: unknown): unknown {
  if (value === null) return { NULL: null };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(typed) };
  return { M: typedMap(value as Record<string, unknown>) };
}

export function typedMap(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typed(v)]));
}

/** The "(Service: DynamoDb, Status Code: 400, Request ID: …)" suffix AppSync adds to DynamoDB's messages. */
export const sdkSuffix = String.raw` \(Service: DynamoDb, Status Code: 400, Request ID: [A-Z0-9]{52}\)$`;
