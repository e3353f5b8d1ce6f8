import { readExpression, useExpression } from '../expression.ts';
import { decodeNextToken, encodeNextToken } from '../next-token.ts';
import type { Request, Target } from '../target.ts';
import { fromWireItem } from '../values.ts';
import { readParameters } from './read-parameters.ts';

export async function query(request: Request, { tableName, engine }: Target) {
  const scope = `${tableName}/${request.index ?? ''}/query`;
  const input: Record<string, unknown> = { TableName: tableName, ...readParameters(request) };
  input.KeyConditionExpression = useExpression(readExpression(request.query), input);
  if (request.scanIndexForward === false) input.ScanIndexForward = false;
  const filter = useExpression(readExpression(request.filter), input);
  if (filter) input.FilterExpression = filter;
  const projection = useExpression(readExpression(request.projection), input);
  if (projection) input.ProjectionExpression = projection;
  const start = decodeNextToken(request.nextToken as string | undefined, scope);
  if (start) input.ExclusiveStartKey = start;
  const answer = await engine.call<{ Items?: Record<string, never>[]; LastEvaluatedKey?: unknown; ScannedCount?: number }>('Query', input);
  return {
    items: (answer.Items ?? []).map(fromWireItem),
    nextToken: encodeNextToken(answer.LastEvaluatedKey, scope),
    scannedCount: answer.ScannedCount ?? 0,
  };
}
