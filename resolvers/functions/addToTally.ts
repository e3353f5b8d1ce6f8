import { runtime, util, type Context } from '@aws-appsync/utils';
import type { MutationCastVoteArgs } from '../generated/schema.ts';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { shardOf, tallyKey, votesAttribute } from '../lib/keys.ts';
import type { PollItem } from '../lib/model.ts';

/**
 * Counts the ballot on the participant's tally shard, and notes the participant
 * in the shard's `inflight` map in the same atomic write. If the server stops
 * before the ballot is marked counted, the retry finds that note and does not
 * count the vote twice (the condition fails instead).
 */
export function request(ctx: Context<MutationCastVoteArgs>) {
  if (ctx.stash.done) runtime.earlyReturn(null);
  const poll = ctx.stash.poll as PollItem;
  const { participantId, optionId } = ctx.args;
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(tallyKey(poll.id, poll.round, shardOf(participantId))),
    update: {
      expression: 'ADD #votes :one SET #inflight.#participant = :true',
      expressionNames: { '#votes': votesAttribute(optionId), '#inflight': 'inflight', '#participant': participantId },
      expressionValues: util.dynamodb.toMapValues({ ':one': 1, ':true': true }),
    },
    condition: {
      expression: 'attribute_exists(#pk) AND attribute_not_exists(#inflight.#participant)',
      expressionNames: { '#pk': 'pk', '#inflight': 'inflight', '#participant': participantId },
    },
  };
}

export function response(ctx: Context) {
  // Resuming an interrupted vote: the shard had already counted it.
  if (ctx.stash.resume && isConditionFailure(ctx.error)) return null;
  raiseDataSourceError(ctx.error);
  return null;
}
