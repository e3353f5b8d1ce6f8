import { util, type Context } from '@aws-appsync/utils';
import type { MutationCastVoteArgs } from '../generated/schema.ts';
import { raiseDataSourceError } from '../lib/errors.ts';
import { shardOf, tallyKey } from '../lib/keys.ts';
import type { PollItem } from '../lib/model.ts';

/** Drops the participant's note from the shard once the ballot is marked counted, so shards stay small. */
export function request(ctx: Context<MutationCastVoteArgs>) {
  const poll = ctx.stash.poll as PollItem;
  const { participantId } = ctx.args;
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(tallyKey(poll.id, poll.round, shardOf(participantId))),
    update: { expression: 'REMOVE #inflight.#participant', expressionNames: { '#inflight': 'inflight', '#participant': participantId } },
    condition: { expression: 'attribute_exists(#pk)', expressionNames: { '#pk': 'pk' } },
  };
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  return null;
}
