// What the three batch operations share: a `tables` map keyed by declared table names, results
// in request order per table, and limits checked here so every engine refuses alike.
import { missingField } from '../errors.ts';
import { objectAt, required, type Request } from '../request.ts';
import { typeOf } from '../values.ts';

export function tablesOf(request: Request): Record<string, unknown> {
  const tables = objectAt(required(request, 'tables'), 'tables');
  // "At least one table must be provided."
  if (Object.keys(tables).length === 0) throw missingField('tables');
  return tables;
}

/** The attribute values of `item` named in `key`, as one comparable string: each one's type and value, numbers normalised. */
export function keyOf(item: Record<string, unknown>, names: string[]) {
  const parts: unknown[] = [];
  for (const name of names) {
    const value = item[name];
    if (!value || typeof value !== 'object') {
      parts.push(null, value ?? null);
      continue;
    }
    const type = typeOf(value as Record<string, unknown>);
    const inner = type === undefined ? null : (value as Record<string, unknown>)[type];
    parts.push(type ?? null, type === 'N' ? String(Number(inner)) : inner);
  }
  return JSON.stringify(parts);
}
