// Sync (js-aws-appsync-resolver-reference-dynamodb-sync.html): {items, nextToken, startedAt}.
// On AppSync a Sync reads a versioned data source's delta table when lastSync is recent enough, and
// the base table otherwise. The local AppSync has no versioned data sources and no delta table, so
// every Sync reads the base table; with lastSync, only items whose _lastChangedAt (the field versioned
// data sources maintain) is later than lastSync are returned.
import { validationError } from '../errors.ts';
import { encodeNextToken } from '../next-token.ts';
import { onlyFields, optional, type Request } from '../request.ts';
import type { Target } from '../target.ts';
import { fromWireItem } from '../values.ts';
import { readParameters, type Page } from './read-parameters.ts';

const FIELDS = ['operation', 'basePartitionKey', 'deltaIndexName', 'limit', 'nextToken', 'lastSync', 'filter'] as const;

/** "limit: … The default value is 100 … The maximum value is 1,000" (the Sync request object's fields). */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

export async function sync(request: Request, { tableName, engine }: Target) {
  onlyFields(request, FIELDS);
  const startedAt = Date.now();
  const limit = optional<number>(request, 'limit') ?? DEFAULT_LIMIT;
  if (typeof limit !== 'number' || limit < 1 || limit > MAX_LIMIT) {
    throw validationError(`limit must be between 1 and ${MAX_LIMIT}, got ${JSON.stringify(limit)}`);
  }
  const scope = `${tableName}//Sync`;
  const input: Record<string, unknown> = { TableName: tableName };
  readParameters({ ...request, limit }, input, scope);
  const lastSync = optional<number>(request, 'lastSync');
  if (lastSync !== undefined) {
    const changed = '#appsyncLastChangedAt > :appsyncLastSync';
    input.FilterExpression = input.FilterExpression ? `(${input.FilterExpression}) AND ${changed}` : changed;
    input.ExpressionAttributeNames = { ...(input.ExpressionAttributeNames as object), '#appsyncLastChangedAt': '_lastChangedAt' };
    input.ExpressionAttributeValues = { ...(input.ExpressionAttributeValues as object), ':appsyncLastSync': { N: String(lastSync) } };
  }
  const page = await engine.call<Page>('Scan', input);
  return {
    items: (page.Items ?? []).map(fromWireItem),
    nextToken: encodeNextToken(page.LastEvaluatedKey, scope),
    startedAt,
  };
}
