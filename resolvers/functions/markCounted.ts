import { runtime, util, type Context } from '@aws-appsync/utils';
import type { MutationCastVoteArgs } from '../generated/schema.ts';
import { raiseDataSourceError } from '../lib/errors.ts';
import { participantKey } from '../lib/keys.ts';
import type { PollItem } from '../lib/model.ts';

/** Marks the ballot counted: from now on a repeat of it is answered, not recounted. */
export function request(ctx: Context<MutationCastVoteArgs>) {
  if (ctx.stash.done) runtime.earlyReturn(null);
  const poll = ctx.stash.poll as PollItem;
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(participantKey(poll.id, ctx.args.participantId)),
    update: {
      expression: 'SET #counted = :true',
      expressionNames: { '#counted': 'counted' },
      expressionValues: util.dynamodb.toMapValues({ ':true': true }),
    },
  };
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  return null;
}
