// UpdateItem (js-aws-appsync-resolver-reference-dynamodb-updateitem.html): answers with the item as it is
// after the update. A failed condition is always an error: AppSync cannot tell whether the update was already applied.
import { conditionAt, onConditionFailure } from '../condition.ts';
import { useExpression } from '../expression.ts';
import { expressionAt, onlyFields, optional, required, typedMap, type Request } from '../request.ts';
import type { Target } from '../target.ts';
import { fromWireItem, toWireMap } from '../values.ts';

const FIELDS = ['operation', 'key', 'update', 'condition', 'customPartitionKey', 'populateIndexFields', '_version'] as const;

export async function updateItem(request: Request, target: Target) {
  onlyFields(request, FIELDS);
  const key = toWireMap(typedMap(required(request, 'key'), 'key'))!;
  const input: Record<string, unknown> = { TableName: target.tableName, Key: key, ReturnValues: 'ALL_NEW' };
  input.UpdateExpression = useExpression(expressionAt(required(request, 'update'), 'update'), input);
  const condition = conditionAt(optional(request, 'condition'));
  if (condition) input.ConditionExpression = useExpression(condition, input);
  try {
    const { Attributes } = await target.engine.call<{ Attributes?: Record<string, never> }>('UpdateItem', input);
    return fromWireItem(Attributes);
  } catch (error) {
    return onConditionFailure(error, key, target, condition, {});
  }
}
