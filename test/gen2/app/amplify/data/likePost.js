// Mutation.likePost: adds one like to a post in its table, as one UpdateItem.
import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues({ id: ctx.arguments.id }),
    update: {
      expression: 'ADD likes :one SET updatedAt = :now',
      expressionValues: util.dynamodb.toMapValues({ ':one': 1, ':now': util.time.nowISO8601() }),
    },
    condition: { expression: 'attribute_exists(id)' },
  };
}

export function response(ctx) {
  if (ctx.error) util.error(ctx.error.message, ctx.error.type);
  return ctx.result;
}
