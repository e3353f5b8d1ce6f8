// Scan (js-aws-appsync-resolver-reference-dynamodb-scan.html): {items, nextToken, scannedCount};
// totalSegments and segment split a parallel scan.
import { encodeNextToken } from '../next-token.ts';
import { onlyFields, optional, type Request } from '../request.ts';
import type { Target } from '../target.ts';
import { fromWireItem } from '../values.ts';
import { readParameters, type Page } from './read-parameters.ts';

const FIELDS = [
  'operation', 'index', 'limit', 'consistentRead', 'nextToken', 'select', 'totalSegments', 'segment', 'filter', 'projection',
] as const;

export async function scan(request: Request, { tableName, engine }: Target) {
  onlyFields(request, FIELDS);
  const segment = optional<number>(request, 'segment');
  const totalSegments = optional<number>(request, 'totalSegments');
  const scope = `${tableName}/${optional(request, 'index') ?? ''}/Scan/${segment ?? ''}/${totalSegments ?? ''}`;
  const input: Record<string, unknown> = { TableName: tableName };
  if (totalSegments !== undefined) input.TotalSegments = totalSegments;
  if (segment !== undefined) input.Segment = segment;
  readParameters(request, input, scope);
  const page = await engine.call<Page>('Scan', input);
  return {
    items: (page.Items ?? []).map(fromWireItem),
    nextToken: encodeNextToken(page.LastEvaluatedKey, scope),
    scannedCount: page.ScannedCount ?? 0,
  };
}
