import { util, type Context } from '@aws-appsync/utils';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { pollKey } from '../lib/keys.ts';
import type { PollItem } from '../lib/model.ts';

/** Resets ctx.stash.poll: a new round with no votes, back to draft; ballots of old rounds no longer count. */
export function request(ctx: Context) {
  const poll = ctx.stash.poll as PollItem;
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(pollKey(poll.id)),
    update: {
      expression: 'SET #round = :next, #state = :draft, #updatedAt = :now',
      expressionNames: { '#round': 'round', '#state': 'state', '#updatedAt': 'updatedAt' },
      expressionValues: util.dynamodb.toMapValues({ ':next': poll.round + 1, ':draft': 'DRAFT', ':now': util.time.nowISO8601() }),
    },
    condition: {
      expression: '#round = :round',
      expressionNames: { '#round': 'round' },
      expressionValues: util.dynamodb.toMapValues({ ':round': poll.round }),
    },
  };
}

export function response(ctx: Context) {
  if (isConditionFailure(ctx.error)) util.error(`Poll ${ctx.stash.poll.id} was reset meanwhile`, 'ConcurrentChange');
  raiseDataSourceError(ctx.error);
  ctx.stash.poll = ctx.result;
  return ctx.result;
}
