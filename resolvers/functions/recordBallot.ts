import { runtime, util, type Context } from '@aws-appsync/utils';
import type { MutationCastVoteArgs } from '../generated/schema.ts';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { participantKey, shardOf } from '../lib/keys.ts';
import type { PollItem } from '../lib/model.ts';

/**
 * Writes the ballot onto the participant: one per round, not yet counted.
 * This write is what makes a participant's second vote impossible.
 */
export function request(ctx: Context<MutationCastVoteArgs>) {
  if (ctx.stash.resume || ctx.stash.done) runtime.earlyReturn(null);
  const poll = ctx.stash.poll as PollItem;
  const { participantId, optionId } = ctx.args;
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(participantKey(poll.id, participantId)),
    update: {
      expression: 'SET #round = :round, #choice = :choice, #counted = :false, #shard = :shard, #votedAt = :now',
      expressionNames: { '#round': 'round', '#choice': 'choice', '#counted': 'counted', '#shard': 'shard', '#votedAt': 'votedAt' },
      expressionValues: util.dynamodb.toMapValues({
        ':round': poll.round,
        ':choice': optionId,
        ':false': false,
        ':shard': shardOf(participantId),
        ':now': util.time.nowISO8601(),
      }),
    },
    condition: {
      expression: 'attribute_exists(#pk) AND (attribute_not_exists(#round) OR #round < :round)',
      expressionNames: { '#pk': 'pk', '#round': 'round' },
      expressionValues: util.dynamodb.toMapValues({ ':round': poll.round }),
    },
  };
}

export function response(ctx: Context) {
  // Another request of this participant's got there first; it counts the vote.
  if (isConditionFailure(ctx.error)) util.error('You have already voted in this poll', 'AlreadyVoted');
  raiseDataSourceError(ctx.error);
  return ctx.result;
}
