// Creates the declared tables the engine does not have yet. Existing tables are
// kept as they are: their data is the user's.
import type { TableDeclaration } from '../declaration/declaration.ts';
import type { DynamoDbEngine } from './engine.ts';

export async function ensureTables(engine: DynamoDbEngine, tables: Record<string, TableDeclaration>) {
  const { TableNames = [] } = await engine.call<{ TableNames?: string[] }>('ListTables', {});
  for (const [name, table] of Object.entries(tables)) {
    if (TableNames.includes(name)) continue;
    await engine.call('CreateTable', createTableInput(name, table));
  }
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
