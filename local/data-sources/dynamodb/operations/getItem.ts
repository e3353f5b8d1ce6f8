// GetItem (js-aws-appsync-resolver-reference-dynamodb-getitem.html): the item, or null.
import { useExpression } from '../expression.ts';
import { expressionAt, onlyFields, optional, required, typedMap, type Request } from '../request.ts';
import type { Target } from '../target.ts';
import { fromWireItem, toWireMap } from '../values.ts';

const FIELDS = ['operation', 'key', 'consistentRead', 'projection'] as const;

export async function getItem(request: Request, { tableName, engine }: Target) {
  onlyFields(request, FIELDS);
  const input: Record<string, unknown> = {
    TableName: tableName,
    Key: toWireMap(typedMap(required(request, 'key'), 'key')),
    ConsistentRead: optional(request, 'consistentRead') === true,
  };
  const projection = optional(request, 'projection');
  if (projection !== undefined) input.ProjectionExpression = useExpression(expressionAt(projection, 'projection', PROJECTION), input);
  const { Item } = await engine.call<{ Item?: Record<string, never> }>('GetItem', input);
  return fromWireItem(Item);
}

export const PROJECTION = ['expression', 'expressionNames'] as const;
