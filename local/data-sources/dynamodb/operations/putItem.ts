// PutItem (js-aws-appsync-resolver-reference-dynamodb-putitem.html): answers with the item written.
// On a failed condition, an equal item already there (but for equalsIgnore) counts as a success.
import { conditionAt, onConditionFailure } from '../condition.ts';
import { useExpression } from '../expression.ts';
import { onlyFields, optional, required, typedMap, type Request } from '../request.ts';
import type { Target } from '../target.ts';
import { fromWireItem, toWireMap } from '../values.ts';

// customPartitionKey, populateIndexFields and _version belong to versioned (conflict-detecting) data sources.
const FIELDS = ['operation', 'key', 'attributeValues', 'condition', 'customPartitionKey', 'populateIndexFields', '_version'] as const;

export async function putItem(request: Request, target: Target) {
  onlyFields(request, FIELDS);
  const key = toWireMap(typedMap(required(request, 'key'), 'key'))!;
  const attributes = optional(request, 'attributeValues');
  const item = { ...toWireMap(attributes === undefined ? {} : typedMap(attributes, 'attributeValues')), ...key };
  const input: Record<string, unknown> = { TableName: target.tableName, Item: item };
  const condition = conditionAt(optional(request, 'condition'));
  if (condition) input.ConditionExpression = useExpression(condition, input);
  try {
    await target.engine.call('PutItem', input);
  } catch (error) {
    return onConditionFailure(error, key, target, condition, { written: item });
  }
  return fromWireItem(item as never);
}
