import { readExpression, useExpression } from '../expression.ts';
import type { Request, Target } from '../target.ts';
import { fromWireItem, toWireMap } from '../values.ts';

export async function getItem(request: Request, { tableName, engine }: Target) {
  const input: Record<string, unknown> = {
    TableName: tableName,
    Key: toWireMap(request.key as Record<string, unknown>),
    ConsistentRead: request.consistentRead === true,
  };
  const projection = useExpression(readExpression(request.projection), input);
  if (projection) input.ProjectionExpression = projection;
  const { Item } = await engine.call<{ Item?: Record<string, never> }>('GetItem', input);
  return fromWireItem(Item);
}
