// What AppSync does when the condition of a PutItem, UpdateItem or DeleteItem fails
// (js-aws-appsync-resolver-reference-dynamodb-condition-expressions.html, "Handling a condition check failure"):
// it reads the item as it is now (strongly consistent unless condition.consistentRead is false); a PutItem
// whose item is already there, equal but for the equalsIgnore attributes, and a DeleteItem of an item that
// is already gone count as successes. Otherwise the Reject strategy applies: ctx.error is
// DynamoDB:ConditionalCheckFailedException and ctx.result holds the item as it is now.
import { isDeepStrictEqual } from 'node:util';
import { DynamoDbEngineError } from '../../store/engine.ts';
import { MappingTemplateError } from './errors.ts';
import type { ExpressionObject } from './expression.ts';
import { expressionAt, optional } from './request.ts';
import type { Target } from './target.ts';
import { fromWireItem } from './values.ts';

export type Condition = ExpressionObject & {
  equalsIgnore?: string[];
  consistentRead?: boolean;
  conditionalCheckFailedHandler?: { strategy?: string; lambdaArn?: string };
};

const FIELDS = ['expression', 'expressionNames', 'expressionValues', 'equalsIgnore', 'consistentRead', 'conditionalCheckFailedHandler'] as const;

export function conditionAt(value: unknown): Condition | undefined {
  if (value === undefined || value === null) return undefined;
  const condition = expressionAt(value, 'condition', FIELDS) as Condition;
  const handler = optional<Condition['conditionalCheckFailedHandler']>(condition as never, 'conditionalCheckFailedHandler');
  if (handler?.strategy === 'Custom') {
    // The Custom strategy calls a Lambda function; the local AppSync runs no Lambda functions.
    throw new MappingTemplateError(
      "conditionalCheckFailedHandler strategy 'Custom' invokes a Lambda function, which the local AppSync does not run; use 'Reject'.",
    );
  }
  return condition;
}

/** An answer that is both a result and an error: ctx.result and ctx.error are both set. */
export class AnswerWithError extends Error {
  constructor(
    public cause: unknown,
    public result: unknown,
  ) {
    super((cause as Error)?.message);
  }
}

export async function onConditionFailure(
  error: unknown,
  key: Record<string, unknown>,
  { tableName, engine }: Target,
  condition: Condition | undefined,
  compare: { written?: Record<string, unknown>; deleting?: boolean },
): Promise<Record<string, unknown> | null> {
  if (!(error instanceof DynamoDbEngineError) || error.type !== 'ConditionalCheckFailedException') throw error;
  const { Item } = await engine.call<{ Item?: Record<string, never> }>('GetItem', {
    TableName: tableName,
    Key: key,
    ConsistentRead: condition?.consistentRead !== false,
  });
  const current = fromWireItem(Item);
  if (compare.written && Item && sameIgnoring(Item, compare.written, condition?.equalsIgnore ?? [])) return current;
  if (compare.deleting && !current) return null;
  throw new AnswerWithError(error, current);
}

/** Compares as DynamoDB does: sets have no order, and 1 and 1.0 are the same number. */
function sameIgnoring(a: Record<string, unknown>, b: Record<string, unknown>, ignore: string[]) {
  const strip = (item: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(item).filter(([k]) => !ignore.includes(k)).map(([k, v]) => [k, normal(v)]));
  return isDeepStrictEqual(strip(a), strip(b));
}

function normal(value: unknown): unknown {
  const [type, inner] = Object.entries(value as object)[0] ?? [];
  switch (type) {
    case 'N':
      return { N: Number(inner) };
    case 'NS':
      return { NS: (inner as string[]).map(Number).sort((x, y) => x - y) };
    case 'SS':
    case 'BS':
      return { [type]: [...(inner as string[])].sort() };
    case 'L':
      return { L: (inner as unknown[]).map(normal) };
    case 'M':
      return { M: Object.fromEntries(Object.entries(inner as object).map(([k, v]) => [k, normal(v)])) };
    default:
      return value;
  }
}
