// BatchPutItem and BatchDeleteItem are both DynamoDB's BatchWriteItem: at most 25 requests over every table.
// ctx.result.data lists, per table and in request order, what was written (the item, or the key deleted),
// with null where the engine left it unprocessed; those come back under unprocessedItems / unprocessedKeys.
import { validationError } from '../errors.ts';
import { arrayAt, onlyFields, typedMap, type Request } from '../request.ts';
import type { Target } from '../target.ts';
import { fromWireItem, toWireMap } from '../values.ts';
import { keyOf, tablesOf } from './batch.ts';

const MAX_WRITES = 25;

type Wire = Record<string, never>;
type WriteRequest = { PutRequest?: { Item: Wire }; DeleteRequest?: { Key: Wire } };

export async function batchWrite(request: Request, target: Target, kind: 'Put' | 'Delete') {
  onlyFields(request, ['operation', 'tables']);
  const tables = tablesOf(request);
  const requestItems: Record<string, WriteRequest[]> = {};
  const written: { table: string; engineTable: string; values: Wire[] }[] = [];
  let count = 0;
  for (const [table, value] of Object.entries(tables)) {
    const values = arrayAt(value, `tables][${table}`).map((v, i) => toWireMap(typedMap(v, `tables][${table}][${i}`)) as Wire);
    count += values.length;
    const engineTable = target.engineTable(table);
    if (values.length) {
      requestItems[engineTable] = values.map((v) => (kind === 'Put' ? { PutRequest: { Item: v } } : { DeleteRequest: { Key: v } }));
    }
    written.push({ table, engineTable, values });
  }
  if (count > MAX_WRITES) throw validationError('Too many items requested for the BatchWriteItem call');

  const answer = count
    ? await target.engine.call<{ UnprocessedItems?: Record<string, WriteRequest[]> }>('BatchWriteItem', { RequestItems: requestItems })
    : {};

  const data: Record<string, unknown[]> = {};
  const unprocessed: Record<string, unknown[]> = {};
  for (const { table, engineTable, values } of written) {
    const left = (answer.UnprocessedItems?.[engineTable] ?? []).map((r) => (r.PutRequest?.Item ?? r.DeleteRequest?.Key)!);
    const names = kind === 'Delete' ? Object.keys(values[0] ?? {}) : [];
    const leftKeys = new Set(left.map((v) => (kind === 'Delete' ? keyOf(v, names) : JSON.stringify(v))));
    data[table] = values.map((v) => (leftKeys.has(kind === 'Delete' ? keyOf(v, names) : JSON.stringify(v)) ? null : fromWireItem(v)));
    unprocessed[table] = left.map((v) => fromWireItem(v));
  }
  return kind === 'Put' ? { data, unprocessedItems: unprocessed } : { data, unprocessedKeys: unprocessed };
}
