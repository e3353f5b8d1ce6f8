import { runtime, util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { questionKey } from '../lib/keys.ts';
import type { QuestionItem } from '../lib/model.ts';

/**
 * Loads a question of ctx.stash.eventId into ctx.stash.question: ctx.stash.questionId,
 * or with ctx.stash.currentQuestion the one the presenter has on (none: nothing to load).
 * An unknown question ends the request.
 */
export function request(ctx: Context) {
  const questionId = ctx.stash.currentQuestion ? ctx.stash.event.currentQuestionId : ctx.stash.questionId;
  if (!questionId) runtime.earlyReturn(null);
  ctx.stash.questionId = questionId;
  return ddb.get({ key: questionKey(ctx.stash.eventId, questionId), consistentRead: true });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  const question = ctx.result as QuestionItem | null;
  if (!question) util.error(`Event ${ctx.stash.eventId} has no question ${ctx.stash.questionId}`, 'NotFound');
  ctx.stash.question = question;
  return question;
}
