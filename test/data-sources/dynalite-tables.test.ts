// The embedded engine keeps table descriptions for its item actions (local/store/dynalite-tables.ts): what an item
// action sees of a table follows DeleteTable and CreateTable at once, as dynalite without it does. (dynalite's
// UpdateTable changes only throughput and billing mode, which item actions do not read.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDynalite } from '../../local/store/dynalite.ts';
import type { DynamoDbEngine } from '../../local/store/engine.ts';

const TABLE = 'Reshaped';
const create = (key: string, extra: Record<string, unknown> = {}) => ({
  TableName: TABLE,
  AttributeDefinitions: [{ AttributeName: key, AttributeType: 'S' }],
  KeySchema: [{ AttributeName: key, KeyType: 'HASH' }],
  BillingMode: 'PAY_PER_REQUEST',
  ...extra,
});
const error = (promise: Promise<unknown>) => promise.then(() => null, (e: { type: string; message: string }) => ({ type: e.type, message: e.message }));

describe('table descriptions kept for item actions', () => {
  let engine: DynamoDbEngine;
  const active = async () => {
    while (((await engine.call('DescribeTable', { TableName: TABLE })) as { Table: { TableStatus: string } }).Table.TableStatus !== 'ACTIVE') await new Promise((r) => setTimeout(r, 5));
  };
  const gone = async () => {
    while (await engine.call('DescribeTable', { TableName: TABLE }).then(() => true, () => false)) await new Promise((r) => setTimeout(r, 5));
  };
  beforeEach(async () => {
    engine = await startDynalite({ path: null });
    await engine.call('CreateTable', create('id'));
    await active();
    await engine.call('PutItem', { TableName: TABLE, Item: { id: { S: 'a' } } }); // the description is kept now
  });
  afterEach(() => engine.close());

  it('refuses an item action on a deleted table', async () => {
    await engine.call('DeleteTable', { TableName: TABLE });
    expect(await error(engine.call('GetItem', { TableName: TABLE, Key: { id: { S: 'a' } } }))).toEqual({ type: 'ResourceNotFoundException', message: 'Requested resource not found' });
  });

  it('uses the key schema of a table created again under the same name', async () => {
    await engine.call('DeleteTable', { TableName: TABLE });
    await gone();
    await engine.call('CreateTable', create('code'));
    await active();
    expect(await error(engine.call('PutItem', { TableName: TABLE, Item: { id: { S: 'b' } } }))).toMatchObject({ type: 'ValidationException', message: expect.stringContaining('Missing the key code') });
    await engine.call('PutItem', { TableName: TABLE, Item: { code: { S: 'b' } } });
  });
});
