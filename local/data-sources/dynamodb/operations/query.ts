// Query (js-aws-appsync-resolver-reference-dynamodb-query.html): {items, nextToken, scannedCount}.
import { useExpression } from '../expression.ts';
import { encodeNextToken } from '../next-token.ts';
import { expressionAt, onlyFields, optional, required, type Request } from '../request.ts';
import type { Target } from '../target.ts';
import { fromWireItem } from '../values.ts';
import { readParameters, type Page } from './read-parameters.ts';

const FIELDS = [
  'operation', 'query', 'index', 'nextToken', 'limit', 'scanIndexForward', 'consistentRead', 'select', 'filter', 'projection',
] as const;

export async function query(request: Request, { tableName, engine }: Target) {
  onlyFields(request, FIELDS);
  const scope = `${tableName}/${optional(request, 'index') ?? ''}/Query`;
  const input: Record<string, unknown> = { TableName: tableName };
  input.KeyConditionExpression = useExpression(expressionAt(required(request, 'query'), 'query'), input);
  if (optional(request, 'scanIndexForward') === false) input.ScanIndexForward = false;
  readParameters(request, input, scope);
  const page = await engine.call<Page>('Query', input);
  return {
    items: (page.Items ?? []).map(fromWireItem),
    nextToken: encodeNextToken(page.LastEvaluatedKey, scope),
    scannedCount: page.ScannedCount ?? 0,
  };
}
