import { runtime, util, type Context } from '@aws-appsync/utils';
import type { MutationCastVoteArgs } from '../generated/schema.ts';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { answerKey, shardOf } from '../lib/keys.ts';
import type { QuestionItem } from '../lib/model.ts';

/**
 * Step 1 of counting exactly once: writes the answer ctx.stash.counting (seq n, its
 * choices, the choices it replaces, not counted yet), conditional on the answer
 * before it being seq n-1 and counted — or on no answer this round for seq 1.
 * This write is what makes a second answer without allowChange impossible.
 */
export function request(ctx: Context<MutationCastVoteArgs>) {
  if (ctx.stash.resume || ctx.stash.done) runtime.earlyReturn(null);
  const question = ctx.stash.question as QuestionItem;
  const { participantId } = ctx.args;
  const counting = ctx.stash.counting as { seq: number; optionIds: string[]; words?: string[]; prev: string[] };
  const first = counting.seq === 1;
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(answerKey(question.eventId, question.id, participantId)),
    update: {
      expression:
        'SET #eventId = :eventId, #questionId = :questionId, #participantId = :participantId, #round = :round, #seq = :seq, ' +
        '#optionIds = :optionIds, #words = :words, #prev = :prev, #counted = :false, #shard = :shard, #answeredAt = :now',
      expressionNames: {
        '#eventId': 'eventId',
        '#questionId': 'questionId',
        '#participantId': 'participantId',
        '#round': 'round',
        '#seq': 'seq',
        '#optionIds': 'optionIds',
        '#words': 'words',
        '#prev': 'prev',
        '#counted': 'counted',
        '#shard': 'shard',
        '#answeredAt': 'answeredAt',
      },
      expressionValues: util.dynamodb.toMapValues({
        ':eventId': question.eventId,
        ':questionId': question.id,
        ':participantId': participantId,
        ':round': question.round,
        ':seq': counting.seq,
        ':optionIds': counting.optionIds,
        ':words': counting.words ?? [],
        ':prev': counting.prev,
        ':false': false,
        ':shard': shardOf(participantId),
        ':now': util.time.nowISO8601(),
      }),
    },
    condition: first
      ? { expression: 'attribute_not_exists(#round) OR #round < :round' }
      : {
          expression: '#round = :round AND #seq = :before AND #counted = :true',
          expressionValues: util.dynamodb.toMapValues({ ':before': counting.seq - 1, ':true': true }),
        },
  };
}

export function response(ctx: Context) {
  if (isConditionFailure(ctx.error)) {
    // Another request of this participant's got there first; it counts its answer.
    if (ctx.stash.question.allowChange) util.error('Your answer changed meanwhile (another tab?): look again', 'ConcurrentChange');
    util.error('You have already answered this question', 'AlreadyVoted');
  }
  raiseDataSourceError(ctx.error);
  return ctx.result;
}
