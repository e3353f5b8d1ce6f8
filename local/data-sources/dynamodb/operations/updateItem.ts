import { readExpression, useExpression } from '../expression.ts';
import type { Request, Target } from '../target.ts';
import { fromWireItem, toWireMap } from '../values.ts';

/** Answers with the item as it is after the update. */
export async function updateItem(request: Request, { tableName, engine }: Target) {
  const input: Record<string, unknown> = {
    TableName: tableName,
    Key: toWireMap(request.key as Record<string, unknown>),
    ReturnValues: 'ALL_NEW',
  };
  input.UpdateExpression = useExpression(readExpression(request.update), input);
  const condition = useExpression(readExpression(request.condition), input);
  if (condition) input.ConditionExpression = condition;
  const { Attributes } = await engine.call<{ Attributes?: Record<string, never> }>('UpdateItem', input);
  return fromWireItem(Attributes);
}
