// DeleteItem (js-aws-appsync-resolver-reference-dynamodb-deleteitem.html): answers with the item deleted,
// or null. On a failed condition, an item that is already gone counts as a success.
import { conditionAt, onConditionFailure } from '../condition.ts';
import { useExpression } from '../expression.ts';
import { onlyFields, optional, required, typedMap, type Request } from '../request.ts';
import type { Target } from '../target.ts';
import { fromWireItem, toWireMap } from '../values.ts';

const FIELDS = ['operation', 'key', 'condition', 'customPartitionKey', 'populateIndexFields', '_version'] as const;

export async function deleteItem(request: Request, target: Target) {
  onlyFields(request, FIELDS);
  const key = toWireMap(typedMap(required(request, 'key'), 'key'))!;
  const input: Record<string, unknown> = { TableName: target.tableName, Key: key, ReturnValues: 'ALL_OLD' };
  const condition = conditionAt(optional(request, 'condition'));
  if (condition) input.ConditionExpression = useExpression(condition, input);
  try {
    const { Attributes } = await target.engine.call<{ Attributes?: Record<string, never> }>('DeleteItem', input);
    return fromWireItem(Attributes);
  } catch (error) {
    return onConditionFailure(error, key, target, condition, { deleting: true });
  }
}
