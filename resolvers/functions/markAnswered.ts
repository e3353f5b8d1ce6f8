import { runtime, util, type Context } from '@aws-appsync/utils';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { questionKey } from '../lib/keys.ts';
import type { QuestionItem } from '../lib/model.ts';

/**
 * Marks ctx.stash.question answered in this round, before the first answer is
 * recorded, so that updateQuestion refuses from then on. Only answers that read
 * it unmarked write it: the question item is not a hot item.
 */
export function request(ctx: Context) {
  const question = ctx.stash.question as QuestionItem;
  if (question.answered || ctx.stash.done) runtime.earlyReturn(null);
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(questionKey(question.eventId, question.id)),
    update: { expression: 'SET #answered = :true', expressionNames: { '#answered': 'answered' }, expressionValues: util.dynamodb.toMapValues({ ':true': true }) },
    // A reset since the question was read started a round with no answers: leave it unmarked.
    condition: {
      expression: '#round = :round',
      expressionNames: { '#round': 'round' },
      expressionValues: util.dynamodb.toMapValues({ ':round': question.round }),
    },
  };
}

export function response(ctx: Context) {
  if (isConditionFailure(ctx.error)) return null;
  raiseDataSourceError(ctx.error);
  return null;
}
