// BatchGetItem (js-aws-appsync-resolver-reference-dynamodb-batch-get-item.html): at most 100 keys over
// every table. ctx.result is {data: {table: [item | null …]}, unprocessedKeys: {table: [key …]}}: items in
// the order of the request's keys, null where there is no item (or it was left unprocessed).
import { validationError } from '../errors.ts';
import { expressionAt, arrayAt, objectAt, onlyFields, optional, required, typedMap, type Request } from '../request.ts';
import type { Target } from '../target.ts';
import { fromWireItem, toWireMap } from '../values.ts';
import { PROJECTION } from './getItem.ts';
import { keyOf, tablesOf } from './batch.ts';

const MAX_KEYS = 100;

export async function batchGetItem(request: Request, target: Target) {
  onlyFields(request, ['operation', 'tables']);
  const tables = tablesOf(request);
  const requestItems: Record<string, Record<string, unknown>> = {};
  const wanted: { table: string; engineTable: string; keys: Record<string, unknown>[]; strip: string[] }[] = [];
  let count = 0;
  for (const [table, value] of Object.entries(tables)) {
    const spec = objectAt(value, `tables][${table}`);
    onlyFields(spec, ['keys', 'consistentRead', 'projection'], `tables][${table}`);
    const keys = arrayAt(required(spec, 'keys', `tables][${table}`), `tables][${table}][keys`).map(
      (key, i) => toWireMap(typedMap(key, `tables][${table}][keys][${i}`))!,
    );
    count += keys.length;
    const engineTable = target.engineTable(table);
    const entry: Record<string, unknown> = { Keys: keys };
    if (optional(spec, 'consistentRead') === true) entry.ConsistentRead = true;
    const strip: string[] = [];
    const projection = optional(spec, 'projection');
    if (projection !== undefined) {
      // The key attributes are read too, to place each item at its key; those not asked for are dropped again.
      const { expression, expressionNames = {} } = expressionAt(projection, `tables][${table}][projection`, PROJECTION);
      const names = { ...expressionNames };
      const projected = new Set(expression.split(',').map((path) => topName(path.trim(), names)));
      const extra = Object.keys(keys[0] ?? {}).filter((name) => !projected.has(name));
      extra.forEach((name, i) => (names[`#appsyncKey${i}`] = name));
      strip.push(...extra);
      entry.ProjectionExpression = [expression, ...extra.map((_, i) => `#appsyncKey${i}`)].join(', ');
      if (Object.keys(names).length) entry.ExpressionAttributeNames = names;
    }
    requestItems[engineTable] = entry;
    wanted.push({ table, engineTable, keys, strip });
  }
  if (count > MAX_KEYS) throw validationError('Too many items requested for the BatchGetItem call');
  if (count === 0) return { data: Object.fromEntries(wanted.map((w) => [w.table, []])), unprocessedKeys: Object.fromEntries(wanted.map((w) => [w.table, []])) };

  const answer = await target.engine.call<{
    Responses?: Record<string, Record<string, never>[]>;
    UnprocessedKeys?: Record<string, { Keys: Record<string, never>[] }>;
  }>('BatchGetItem', { RequestItems: requestItems });

  const data: Record<string, unknown[]> = {};
  const unprocessedKeys: Record<string, unknown[]> = {};
  for (const { table, engineTable, keys, strip } of wanted) {
    const names = Object.keys(keys[0] ?? {});
    const found = new Map((answer.Responses?.[engineTable] ?? []).map((item) => [keyOf(item, names), item]));
    data[table] = keys.map((key) => {
      const item = found.get(keyOf(key, names));
      if (!item) return null;
      const plain = fromWireItem(item)!;
      for (const name of strip) delete plain[name];
      return plain;
    });
    unprocessedKeys[table] = (answer.UnprocessedKeys?.[engineTable]?.Keys ?? []).map((key) => fromWireItem(key));
  }
  return { data, unprocessedKeys };
}

/** The top-level attribute a projection path starts with, its #name resolved. */
function topName(path: string, names: Record<string, string>) {
  const first = path.split(/[.[]/)[0]!.trim();
  return first.startsWith('#') ? (names[first] ?? first) : first;
}
