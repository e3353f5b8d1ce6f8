import { util, type Context } from '@aws-appsync/utils';
import type { MutationCastVoteArgs } from '../generated/schema.ts';
import { raiseDataSourceError } from '../lib/errors.ts';
import { COUNT_SHARDS, countKey } from '../lib/keys.ts';

/** Adds one vote to a random counter shard of the option; ADD creates the counter on first use. */
export function request(ctx: Context<MutationCastVoteArgs>) {
  const { pollId, optionId } = ctx.args;
  const shard = Math.floor(Math.random() * COUNT_SHARDS);
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(countKey(pollId, optionId, shard)),
    update: {
      expression: 'ADD #votes :one SET #optionId = :optionId',
      expressionNames: { '#votes': 'votes', '#optionId': 'optionId' },
      expressionValues: util.dynamodb.toMapValues({ ':one': 1, ':optionId': optionId }),
    },
  };
}

export function response(ctx: Context<MutationCastVoteArgs>) {
  raiseDataSourceError(ctx.error);
  return ctx.result;
}
