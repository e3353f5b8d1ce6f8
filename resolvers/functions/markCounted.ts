import { runtime, util, type Context } from '@aws-appsync/utils';
import type { MutationCastVoteArgs } from '../generated/schema.ts';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { answerKey } from '../lib/keys.ts';
import type { QuestionItem } from '../lib/model.ts';

/** Step 3: marks the answer of seq n counted: from now on a repeat of it is answered, not recounted, and a change may follow. */
export function request(ctx: Context<MutationCastVoteArgs>) {
  if (ctx.stash.done) runtime.earlyReturn(null);
  const question = ctx.stash.question as QuestionItem;
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(answerKey(question.eventId, question.id, ctx.args.participantId)),
    update: {
      expression: 'SET #counted = :true',
      expressionNames: { '#counted': 'counted', '#seq': 'seq', '#round': 'round' },
      expressionValues: util.dynamodb.toMapValues({ ':true': true, ':seq': ctx.stash.counting.seq, ':round': question.round }),
    },
    condition: { expression: '#seq = :seq AND #round = :round' },
  };
}

export function response(ctx: Context) {
  // A concurrent retry marked it and a change already followed: nothing left to do here.
  if (isConditionFailure(ctx.error)) return null;
  raiseDataSourceError(ctx.error);
  return null;
}
