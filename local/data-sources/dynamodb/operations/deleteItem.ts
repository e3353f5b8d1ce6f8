import { onConditionFailure } from '../condition.ts';
import { readExpression, useExpression } from '../expression.ts';
import type { Request, Target } from '../target.ts';
import { fromWireItem, toWireMap } from '../values.ts';

/** Answers with the item deleted, or null when there was none. */
export async function deleteItem(request: Request, target: Target) {
  const input: Record<string, unknown> = {
    TableName: target.tableName,
    Key: toWireMap(request.key as Record<string, unknown>),
    ReturnValues: 'ALL_OLD',
  };
  const condition = useExpression(readExpression(request.condition), input);
  if (condition) input.ConditionExpression = condition;
  try {
    const { Attributes } = await target.engine.call<{ Attributes?: Record<string, never> }>('DeleteItem', input);
    return fromWireItem(Attributes);
  } catch (error) {
    return onConditionFailure(error, request, target, {});
  }
}
