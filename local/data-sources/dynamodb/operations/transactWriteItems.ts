// TransactWriteItems (js-aws-appsync-resolver-reference-dynamodb-transact-write-items.html): at most 100
// PutItem, UpdateItem, DeleteItem or ConditionCheck items, all or none. ctx.result is {keys: [key …],
// cancellationReasons: null} in request order, or {keys: null, cancellationReasons: [{item?, type, message}]}
// with ctx.error DynamoDB:TransactionCanceledException. `item` is the item as it was, for a failed condition
// whose returnValuesOnConditionCheckFailure is not false.
import { MappingTemplateError } from '../errors.ts';
import { useExpression } from '../expression.ts';
import { expressionAt, onlyFields, optional, required, typedMap, type Request } from '../request.ts';
import type { Target } from '../target.ts';
import { fromWireItem, toWireMap } from '../values.ts';
import { cancelled, requireAction, transactItemsOf } from './transactions.ts';

const CONDITION = ['expression', 'expressionNames', 'expressionValues', 'returnValuesOnConditionCheckFailure'] as const;
const FIELDS: Record<string, readonly string[]> = {
  PutItem: ['table', 'operation', 'key', 'attributeValues', 'condition'],
  UpdateItem: ['table', 'operation', 'key', 'update', 'condition'],
  DeleteItem: ['table', 'operation', 'key', 'condition'],
  ConditionCheck: ['table', 'operation', 'key', 'condition'],
};
const ACTION: Record<string, string> = { PutItem: 'Put', UpdateItem: 'Update', DeleteItem: 'Delete', ConditionCheck: 'ConditionCheck' };

export async function transactWriteItems(request: Request, target: Target) {
  onlyFields(request, ['operation', 'transactItems']);
  const items = transactItemsOf(request);
  const keys: Record<string, unknown>[] = [];
  const returnItem: boolean[] = [];
  const transactItems = items.map((item, i) => {
    const path = `transactItems][${i}`;
    const operation = required<string>(item, 'operation', path);
    const fields = FIELDS[operation];
    if (!fields) throw new MappingTemplateError(`Value for field '$[${path}][operation]' not found.`);
    onlyFields(item, fields, path);
    const key = toWireMap(typedMap(required(item, 'key', path), `${path}][key`))!;
    keys.push(key);
    const action: Record<string, unknown> = { TableName: target.engineTable(required<string>(item, 'table', path)) };
    if (operation === 'PutItem') {
      const attributes = optional(item, 'attributeValues');
      action.Item = { ...toWireMap(attributes === undefined ? {} : typedMap(attributes, `${path}][attributeValues`)), ...key };
    } else {
      action.Key = key;
    }
    if (operation === 'UpdateItem') action.UpdateExpression = useExpression(expressionAt(required(item, 'update', path), `${path}][update`), action);
    const condition = operation === 'ConditionCheck' ? required(item, 'condition', path) : optional(item, 'condition');
    let wantsItem = false;
    if (condition !== undefined) {
      const parsed = expressionAt(condition, `${path}][condition`, CONDITION);
      action.ConditionExpression = useExpression(parsed, action);
      wantsItem = (parsed as { returnValuesOnConditionCheckFailure?: boolean }).returnValuesOnConditionCheckFailure !== false;
      action.ReturnValuesOnConditionCheckFailure = wantsItem ? 'ALL_OLD' : 'NONE';
    }
    returnItem.push(wantsItem);
    return { [ACTION[operation]!]: action };
  });
  requireAction(target, 'TransactWriteItems');
  try {
    await target.engine.call('TransactWriteItems', { TransactItems: transactItems });
    return { keys: keys.map((key) => fromWireItem(key as never)), cancellationReasons: null };
  } catch (error) {
    return cancelled(error, 'keys', (index) => returnItem[index] === true);
  }
}
