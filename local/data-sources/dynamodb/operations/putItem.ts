import { readExpression, useExpression } from '../expression.ts';
import { onConditionFailure } from '../condition.ts';
import type { Request, Target } from '../target.ts';
import { fromWireItem, toWireMap } from '../values.ts';

/** Answers with the item written. */
export async function putItem(request: Request, target: Target) {
  const item = { ...toWireMap(request.attributeValues as Record<string, unknown>), ...toWireMap(request.key as Record<string, unknown>) };
  const input: Record<string, unknown> = { TableName: target.tableName, Item: item };
  const condition = readExpression(request.condition);
  const expression = useExpression(condition, input);
  if (expression) input.ConditionExpression = expression;
  try {
    await target.engine.call('PutItem', input);
  } catch (error) {
    return onConditionFailure(error, request, target, { written: item, equalsIgnore: (condition as { equalsIgnore?: string[] })?.equalsIgnore });
  }
  return fromWireItem(item as never);
}
