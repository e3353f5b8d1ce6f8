// What Query, Scan and Sync share: index, limit, consistency, select, filter, projection and the page token.
import { decodeNextToken } from '../next-token.ts';
import { useExpression } from '../expression.ts';
import { expressionAt, optional, type Request } from '../request.ts';
import { PROJECTION } from './getItem.ts';

export function readParameters(request: Request, input: Record<string, unknown>, scope: string) {
  const index = optional<string>(request, 'index');
  if (index) input.IndexName = index;
  const limit = optional<number>(request, 'limit');
  if (limit !== undefined) input.Limit = limit;
  if (optional(request, 'consistentRead') === true) input.ConsistentRead = true;
  const select = optional<string>(request, 'select');
  if (select) input.Select = select;
  const filter = optional(request, 'filter');
  if (filter !== undefined) {
    const expression = expressionAt(filter, 'filter');
    // An empty filter (util.transform of an empty object) filters nothing.
    if (expression.expression.trim()) input.FilterExpression = useExpression(expression, input);
  }
  const projection = optional(request, 'projection');
  if (projection !== undefined) input.ProjectionExpression = useExpression(expressionAt(projection, 'projection', PROJECTION), input);
  const start = decodeNextToken(optional<string>(request, 'nextToken'), scope);
  if (start) input.ExclusiveStartKey = start;
}

export type Page = { Items?: Record<string, never>[]; LastEvaluatedKey?: unknown; ScannedCount?: number };
