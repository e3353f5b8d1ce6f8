// The expression objects of AppSync request objects ({expression,
// expressionNames, expressionValues}) as DynamoDB request parameters.
import { toWireMap } from './values.ts';

export type ExpressionObject = {
  expression: string;
  expressionNames?: Record<string, string>;
  expressionValues?: Record<string, unknown>;
};

/** AppSync also takes the JSON string util.transform.toDynamoDBConditionExpression returns. */
export function readExpression(value: unknown): ExpressionObject | undefined {
  if (value === undefined || value === null) return undefined;
  return (typeof value === 'string' ? JSON.parse(value) : value) as ExpressionObject;
}

/** Adds an expression's names and values to the request's shared maps; returns the expression text. */
export function useExpression(
  expression: ExpressionObject | undefined,
  input: { ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> },
): string | undefined {
  if (!expression) return undefined;
  if (expression.expressionNames && Object.keys(expression.expressionNames).length) {
    input.ExpressionAttributeNames = { ...input.ExpressionAttributeNames, ...expression.expressionNames };
  }
  const values = toWireMap(expression.expressionValues as Record<string, unknown> | undefined);
  if (values && Object.keys(values).length) {
    input.ExpressionAttributeValues = { ...input.ExpressionAttributeValues, ...values };
  }
  return expression.expression;
}
