import type { Request } from '../target.ts';

/** What Query and Scan share: index, limit, consistency and select. */
export function readParameters(request: Request) {
  const input: Record<string, unknown> = {};
  if (request.index) input.IndexName = request.index;
  if (request.limit !== undefined && request.limit !== null) input.Limit = request.limit;
  if (request.consistentRead === true) input.ConsistentRead = true;
  if (request.select) input.Select = request.select;
  return input;
}
