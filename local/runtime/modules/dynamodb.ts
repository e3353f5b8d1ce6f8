// @aws-appsync/utils/dynamodb: builders for DynamoDB request objects. The npm
// package ships only their types; this is the behaviour AppSync runs.
import { toExpression } from '../expressions.ts';
import { toDynamoDB, toMapValues } from '../util/dynamodb.ts';

type Obj = Record<string, unknown>;

const withCondition = (condition: Obj | undefined | null) => (condition ? { condition: toExpression(condition) } : {});
const withFilter = (filter: Obj | undefined | null) => (filter ? { filter: toExpression(filter) } : {});

/**
 * A projection names attributes by path (`name`, `nested.object[1]`); each name
 * becomes a placeholder, so reserved words and dots in names are safe.
 */
export function toProjection(paths: string[]) {
  const expressionNames: Record<string, string> = {};
  const placeholders = new Map<string, string>();
  const placeholder = (name: string) => {
    let found = placeholders.get(name);
    if (!found) {
      found = `#projection${placeholders.size}`;
      placeholders.set(name, found);
      expressionNames[found] = name;
    }
    return found;
  };
  const expression = paths
    .map((path) => path.split('.').map((segment) => segment.replace(/^([^[]+)/, (name) => placeholder(name))).join('.'))
    .join(', ');
  return { expression, expressionNames };
}

function withProjection(projection: string[] | undefined | null) {
  return projection?.length ? { projection: toProjection(projection) } : {};
}

function defined(object: Obj): Obj {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

export function get(payload: { key: Obj; consistentRead?: boolean; projection?: string[] }) {
  return defined({
    operation: 'GetItem',
    key: toMapValues(payload.key),
    consistentRead: payload.consistentRead,
    ...withProjection(payload.projection),
  });
}

export function put(payload: { key: Obj; item: Obj; condition?: Obj; customPartitionKey?: string; populateIndexFields?: boolean; _version?: number }) {
  return defined({
    operation: 'PutItem',
    key: toMapValues(payload.key),
    attributeValues: toMapValues(payload.item),
    ...withCondition(payload.condition),
    customPartitionKey: payload.customPartitionKey,
    populateIndexFields: payload.populateIndexFields,
    _version: payload._version,
  });
}

export function remove(payload: { key: Obj; condition?: Obj; customPartitionKey?: string; populateIndexFields?: boolean; _version?: number }) {
  return defined({
    operation: 'DeleteItem',
    key: toMapValues(payload.key),
    ...withCondition(payload.condition),
    customPartitionKey: payload.customPartitionKey,
    populateIndexFields: payload.populateIndexFields,
    _version: payload._version,
  });
}

type Operation = { type: string; value?: unknown; by?: number; items?: unknown[]; index?: number };

export const operations = {
  add: (value: unknown): Operation => ({ type: 'OPERATION_ADD', value }),
  remove: (): Operation => ({ type: 'OPERATION_REMOVE' }),
  replace: (value: unknown): Operation => ({ type: 'OPERATION_REPLACE', value }),
  increment: (by: number): Operation => ({ type: 'OPERATION_INCREMENT', by }),
  decrement: (by: number): Operation => ({ type: 'OPERATION_DECREMENT', by }),
  append: (items: unknown[]): Operation => ({ type: 'OPERATION_APPEND', items }),
  prepend: (items: unknown[]): Operation => ({ type: 'OPERATION_PREPEND', items }),
  updateListItem: (value: unknown, index: number): Operation => ({ type: 'OPERATION_UPDATE_LIST_ITEM', value, index }),
};

const isOperation = (value: unknown): value is Operation =>
  typeof value === 'object' && value !== null && typeof (value as Operation).type === 'string' &&
  (value as Operation).type.startsWith('OPERATION_');

/** Renders `{ field: value | operations.x(...) }` into one update expression. */
function toUpdateExpression(update: Obj) {
  const set: string[] = [];
  const remove: string[] = [];
  const expressionNames: Record<string, string> = {};
  const expressionValues: Record<string, unknown> = {};
  let n = 0;
  for (const [field, change] of Object.entries(update)) {
    n++;
    const name = `#expName_${n}`;
    const value = `:expValue_${n}`;
    expressionNames[name] = field;
    const op = isOperation(change) ? change : { type: 'OPERATION_REPLACE', value: change };
    switch (op.type) {
      case 'OPERATION_REMOVE':
        remove.push(name);
        continue;
      case 'OPERATION_INCREMENT':
        set.push(`${name} = ${name} + ${value}`);
        expressionValues[value] = toDynamoDB(op.by);
        continue;
      case 'OPERATION_DECREMENT':
        set.push(`${name} = ${name} - ${value}`);
        expressionValues[value] = toDynamoDB(op.by);
        continue;
      case 'OPERATION_APPEND':
        set.push(`${name} = list_append(${name}, ${value})`);
        expressionValues[value] = toDynamoDB(op.items);
        continue;
      case 'OPERATION_PREPEND':
        set.push(`${name} = list_append(${value}, ${name})`);
        expressionValues[value] = toDynamoDB(op.items);
        continue;
      case 'OPERATION_UPDATE_LIST_ITEM':
        set.push(`${name}[${op.index}] = ${value}`);
        expressionValues[value] = toDynamoDB(op.value);
        continue;
      default:
        set.push(`${name} = ${value}`);
        expressionValues[value] = toDynamoDB(op.value);
    }
  }
  const clauses = [set.length ? `SET ${set.join(', ')}` : '', remove.length ? `REMOVE ${remove.join(', ')}` : ''];
  return defined({
    expression: clauses.filter(Boolean).join(' '),
    expressionNames,
    expressionValues: Object.keys(expressionValues).length ? expressionValues : undefined,
  });
}

export function update(payload: { key: Obj; update: Obj; condition?: Obj; customPartitionKey?: string; populateIndexFields?: boolean; _version?: number }) {
  return defined({
    operation: 'UpdateItem',
    key: toMapValues(payload.key),
    update: toUpdateExpression(payload.update),
    ...withCondition(payload.condition),
    customPartitionKey: payload.customPartitionKey,
    populateIndexFields: payload.populateIndexFields,
    _version: payload._version,
  });
}

type ReadPayload = {
  index?: string; nextToken?: string; limit?: number; consistentRead?: boolean;
  select?: string; filter?: Obj; projection?: string[];
};

export function query(payload: ReadPayload & { query: Obj; scanIndexForward?: boolean }) {
  return defined({
    operation: 'Query',
    query: toExpression(payload.query),
    index: payload.index,
    nextToken: payload.nextToken,
    limit: payload.limit,
    scanIndexForward: payload.scanIndexForward,
    consistentRead: payload.consistentRead,
    select: payload.select,
    ...withFilter(payload.filter),
    ...withProjection(payload.projection),
  });
}

export function scan(payload: ReadPayload & { totalSegments?: number; segment?: number } = {}) {
  return defined({
    operation: 'Scan',
    index: payload.index,
    nextToken: payload.nextToken,
    limit: payload.limit,
    consistentRead: payload.consistentRead,
    select: payload.select,
    totalSegments: payload.totalSegments,
    segment: payload.segment,
    ...withFilter(payload.filter),
    ...withProjection(payload.projection),
  });
}

export function sync(payload: { basePartitionKey?: string; deltaIndexName?: string; limit?: number | null; nextToken?: string | null; lastSync?: number; filter?: Obj | null } = {}) {
  return defined({
    operation: 'Sync',
    basePartitionKey: payload.basePartitionKey,
    deltaIndexName: payload.deltaIndexName,
    limit: payload.limit ?? undefined,
    nextToken: payload.nextToken ?? undefined,
    lastSync: payload.lastSync,
    ...withFilter(payload.filter),
  });
}

// Batch and transaction requests (js-aws-appsync-resolver-reference-dynamodb-batch-*.html,
// -transact-*.html): the tables are named in the request; keys and items are typed.

export function batchGet(payload: { tables: Record<string, { keys: Obj[]; consistentRead?: boolean; projection?: string[] }> }) {
  const tables: Obj = {};
  for (const [table, spec] of Object.entries(payload.tables ?? {})) {
    tables[table] = defined({ keys: spec.keys.map(toMapValues), consistentRead: spec.consistentRead, ...withProjection(spec.projection) });
  }
  return { operation: 'BatchGetItem', tables };
}

export function batchPut(payload: { tables: Record<string, Obj[]> }) {
  const tables: Obj = {};
  for (const [table, items] of Object.entries(payload.tables ?? {})) tables[table] = items.map(toMapValues);
  return { operation: 'BatchPutItem', tables };
}

export function batchDelete(payload: { tables: Record<string, Obj[]> }) {
  const tables: Obj = {};
  for (const [table, keys] of Object.entries(payload.tables ?? {})) tables[table] = keys.map(toMapValues);
  return { operation: 'BatchDeleteItem', tables };
}

export function transactGet(payload: { items: { table: string; key: Obj; projection?: string[] }[] }) {
  return {
    operation: 'TransactGetItems',
    transactItems: payload.items.map((item) => defined({ table: item.table, key: toMapValues(item.key), ...withProjection(item.projection) })),
  };
}

type WriteItem =
  | { putItem: { table: string; key: Obj; item: Obj; condition?: Obj } }
  | { updateItem: { table: string; key: Obj; update: Obj; condition?: Obj } }
  | { deleteItem: { table: string; key: Obj; condition?: Obj } }
  | { conditionCheck: { table: string; key: Obj; condition?: Obj } };

export function transactWrite(payload: { items: WriteItem[] }) {
  const transactItems = payload.items.map((entry) => {
    if ('putItem' in entry) {
      const { table, key, item, condition } = entry.putItem;
      return defined({ table, operation: 'PutItem', key: toMapValues(key), attributeValues: toMapValues(item), ...withCondition(condition) });
    }
    if ('updateItem' in entry) {
      const { table, key, update, condition } = entry.updateItem;
      return defined({ table, operation: 'UpdateItem', key: toMapValues(key), update: toUpdateExpression(update), ...withCondition(condition) });
    }
    if ('deleteItem' in entry) {
      const { table, key, condition } = entry.deleteItem;
      return defined({ table, operation: 'DeleteItem', key: toMapValues(key), ...withCondition(condition) });
    }
    if ('conditionCheck' in entry) {
      const { table, key, condition } = entry.conditionCheck;
      return defined({ table, operation: 'ConditionCheck', key: toMapValues(key), ...withCondition(condition) });
    }
    throw new TypeError(`transactWrite: each item is one of putItem, updateItem, deleteItem, conditionCheck`);
  });
  return { operation: 'TransactWriteItems', transactItems };
}

// Sets, as the typings document them: toNumberSet([1, 2, 3]) gives { NS: ['1', '2', '3'] }
// (dynamodb-helpers.d.ts). Put into an item, they stay sets (util/dynamodb.ts toDynamoDB).
export const toStringSet = (values: string[]) => ({ SS: [...values] });
export const toNumberSet = (values: number[]) => ({ NS: values.map(String) });
export const toBinarySet = (values: string[]) => ({ BS: [...values] });
