// What AppSync does when a PutItem or DeleteItem condition fails: it reads the
// item as it is, and a Put that wrote an equal item (but for equalsIgnore) or
// a Delete of an item that is already gone counts as a success.
import { isDeepStrictEqual } from 'node:util';
import { DynamoDbEngineError } from '../../store/engine.ts';
import type { Request, Target } from './target.ts';
import { fromWireItem, toWireMap } from './values.ts';

export async function onConditionFailure(
  error: unknown,
  request: Request,
  { tableName, engine }: Target,
  compare: { written?: Record<string, unknown>; equalsIgnore?: string[] },
) {
  if (!(error instanceof DynamoDbEngineError) || error.type !== 'ConditionalCheckFailedException') throw error;
  const { Item } = await engine.call<{ Item?: Record<string, never> }>('GetItem', {
    TableName: tableName,
    Key: toWireMap(request.key as Record<string, unknown>),
    ConsistentRead: true,
  });
  const current = fromWireItem(Item);
  if (compare.written) {
    const written = fromWireItem(compare.written as never)!;
    if (current && sameIgnoring(current, written, compare.equalsIgnore ?? [])) return current;
  } else if (!current) {
    return null;
  }
  throw error;
}

function sameIgnoring(a: Record<string, unknown>, b: Record<string, unknown>, ignore: string[]) {
  const strip = (item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).filter(([k]) => !ignore.includes(k)));
  return isDeepStrictEqual(strip(a), strip(b));
}
