// Creates the declared tables the engine does not have yet. Existing tables are
// kept as they are: their data is the user's.
import type { TableDeclaration } from '../declaration/declaration.ts';
import type { DynamoDbEngine } from './engine.ts';

export async function ensureTables(engine: DynamoDbEngine, tables: Record<string, TableDeclaration>) {
  const existing = await listTables(engine);
  for (const [declared, table] of Object.entries(tables)) {
    const name = engine.tableName?.(declared) ?? declared;
    if (existing.has(name)) continue;
    await engine.call('CreateTable', createTableInput(name, table));
    await untilActive(engine, name);
    if (table.timeToLiveAttribute && !engine.unsupported?.UpdateTimeToLive) {
      await engine.call('UpdateTimeToLive', {
        TableName: name,
        TimeToLiveSpecification: { AttributeName: table.timeToLiveAttribute, Enabled: true },
      });
    }
  }
}

async function listTables(engine: DynamoDbEngine) {
  const names = new Set<string>();
  let start: string | undefined;
  do {
    const page = await engine.call<{ TableNames?: string[]; LastEvaluatedTableName?: string }>(
      'ListTables',
      start ? { ExclusiveStartTableName: start } : {},
    );
    for (const name of page.TableNames ?? []) names.add(name);
    start = page.LastEvaluatedTableName;
  } while (start);
  return names;
}

/** Local engines create tables at once; a real endpoint takes a few seconds. */
async function untilActive(engine: DynamoDbEngine, name: string) {
  for (let i = 0; i < 600; i++) {
    const { Table } = await engine.call<{ Table?: { TableStatus?: string } }>('DescribeTable', { TableName: name });
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`Table ${name} did not become ACTIVE within 60 s`);
}

export function createTableInput(name: string, table: TableDeclaration) {
  const attributes = new Map<string, string>();
  const keySchema = (partition: { name: string; type: string }, sort?: { name: string; type: string }) => {
    attributes.set(partition.name, partition.type);
    const schema = [{ AttributeName: partition.name, KeyType: 'HASH' }];
    if (sort) {
      attributes.set(sort.name, sort.type);
      schema.push({ AttributeName: sort.name, KeyType: 'RANGE' });
    }
    return schema;
  };
  const input: Record<string, unknown> = {
    TableName: name,
    KeySchema: keySchema(table.partitionKey, table.sortKey),
    BillingMode: 'PAY_PER_REQUEST',
  };
  if (table.globalSecondaryIndexes.length) {
    input.GlobalSecondaryIndexes = table.globalSecondaryIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: keySchema(index.partitionKey, index.sortKey),
      Projection: { ProjectionType: 'ALL' },
    }));
  }
  if (table.localSecondaryIndexes.length) {
    input.LocalSecondaryIndexes = table.localSecondaryIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: keySchema(table.partitionKey, index.sortKey),
      Projection: { ProjectionType: 'ALL' },
    }));
  }
  input.AttributeDefinitions = [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType }));
  return input;
}
