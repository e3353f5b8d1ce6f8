// What the three batch operations share: a `tables` map keyed by declared table names, results
// in request order per table, and limits checked here so every engine refuses alike.
import { missingField } from '../errors.ts';
import { objectAt, required, type Request } from '../request.ts';

export function tablesOf(request: Request): Record<string, unknown> {
  const tables = objectAt(required(request, 'tables'), 'tables');
  // "At least one table must be provided."
  if (Object.keys(tables).length === 0) throw missingField('tables');
  return tables;
}

/** The attribute values of `item` named in `key`, as one comparable string. */
export function keyOf(item: Record<string, unknown>, names: string[]) {
  return JSON.stringify(names.map((name) => normalKey(item[name])));
}

function normalKey(value: unknown) {
  if (!value || typeof value !== 'object') return value;
  const [type, inner] = Object.entries(value)[0] ?? [];
  return type === 'N' ? { N: String(Number(inner)) } : { [type!]: inner };
}
