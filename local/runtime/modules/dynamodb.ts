// @aws-appsync/utils/dynamodb: builders for DynamoDB request objects. The npm
// package ships only their types; this is the behaviour AppSync runs.
import { toExpression } from '../expressions.ts';
import { toDynamoDB, toMapValues } from '../util/dynamodb.ts';

type Obj = Record<string, unknown>;

const withCondition = (condition: Obj | undefined) => (condition ? { condition: toExpression(condition) } : {});
const withFilter = (filter: Obj | undefined) => (filter ? { filter: toExpression(filter) } : {});

function withProjection(projection: string[] | undefined) {
  if (!projection?.length) return {};
  const expressionNames: Record<string, string> = {};
  const names = projection.map((field, i) => {
    expressionNames[`#projection${i}`] = field;
    return `#projection${i}`;
  });
  return { projection: { expression: names.join(', '), expressionNames } };
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

export const toStringSet = (values: string[]) => ({ SS: values });
export const toNumberSet = (values: number[]) => ({ NS: values });
export const toBinarySet = (values: string[]) => ({ BS: values });
