// The expression objects of AppSync request objects ({expression, expressionNames,
// expressionValues}) as DynamoDB request parameters. Several expressions of one request
// (condition, update, filter, projection) share DynamoDB's one pair of name and value maps.
import { toWireMap } from './values.ts';

export type ExpressionObject = {
  expression: string;
  expressionNames?: Record<string, string>;
  expressionValues?: Record<string, unknown>;
};

export type ExpressionInput = {
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
};

/** Adds an expression's names and values to the request's shared maps; returns the expression text. */
export function useExpression(expression: ExpressionObject | undefined, input: ExpressionInput): string | undefined {
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
