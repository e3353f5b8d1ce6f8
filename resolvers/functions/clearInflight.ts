import { runtime, util, type Context } from '@aws-appsync/utils';
import type { MutationCastVoteArgs } from '../generated/schema.ts';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { shardOf, tallyKey } from '../lib/keys.ts';
import type { QuestionItem } from '../lib/model.ts';

/**
 * Step 4: drops the participant's note from the shard once the answer is marked
 * counted, so shards stay small — only the note of this seq: a later change's
 * note is that change's to remove.
 */
export function request(ctx: Context<MutationCastVoteArgs>) {
  if (ctx.stash.done) runtime.earlyReturn(null);
  const question = ctx.stash.question as QuestionItem;
  const { participantId } = ctx.args;
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(tallyKey(question.eventId, question.id, question.round, shardOf(participantId))),
    update: { expression: 'REMOVE #inflight.#participant', expressionNames: { '#inflight': 'inflight', '#participant': participantId } },
    condition: { expression: '#inflight.#participant = :seq', expressionValues: util.dynamodb.toMapValues({ ':seq': ctx.stash.counting.seq }) },
  };
}

export function response(ctx: Context) {
  if (isConditionFailure(ctx.error)) return null;
  raiseDataSourceError(ctx.error);
  return null;
}
