// TransactGetItems (js-aws-appsync-resolver-reference-dynamodb-transact-get-items.html): at most 100 items,
// read together. ctx.result is {items: [item | null …], cancellationReasons: null} in request order, or
// {items: null, cancellationReasons: […]} with ctx.error DynamoDB:TransactionCanceledException.
import { useExpression } from '../expression.ts';
import { expressionAt, onlyFields, optional, required, typedMap, type Request } from '../request.ts';
import type { Target } from '../target.ts';
import { fromWireItem, toWireMap } from '../values.ts';
import { PROJECTION } from './getItem.ts';
import { cancelled, requireAction, transactItemsOf } from './transactions.ts';

export async function transactGetItems(request: Request, target: Target) {
  onlyFields(request, ['operation', 'transactItems']);
  const items = transactItemsOf(request);
  const transactItems = items.map((item, i) => {
    const path = `transactItems][${i}`;
    onlyFields(item, ['table', 'key', 'projection'], path);
    const get: Record<string, unknown> = {
      TableName: target.engineTable(required<string>(item, 'table', path)),
      Key: toWireMap(typedMap(required(item, 'key', path), `${path}][key`)),
    };
    const projection = optional(item, 'projection');
    if (projection !== undefined) get.ProjectionExpression = useExpression(expressionAt(projection, `${path}][projection`, PROJECTION), get);
    return { Get: get };
  });
  requireAction(target, 'TransactGetItems');
  try {
    const { Responses = [] } = await target.engine.call<{ Responses?: { Item?: Record<string, never> }[] }>('TransactGetItems', {
      TransactItems: transactItems,
    });
    return { items: transactItems.map((_, i) => fromWireItem(Responses[i]?.Item)), cancellationReasons: null };
  } catch (error) {
    return cancelled(error, 'items', () => false);
  }
}
