import { runtime, util, type Context } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors.ts';
import { handsUpTable, questionKey } from '../lib/keys.ts';

/** Writes the new event's questions (ctx.stash.newQuestions, at most 25: one batch). */
export function request(ctx: Context) {
  const questions = ctx.stash.newQuestions as { id: string; eventId: string }[];
  if (questions.length === 0) runtime.earlyReturn([]);
  const items = questions.map((question) => util.dynamodb.toMapValues({ ...question, ...questionKey(question.eventId, question.id) }));
  return { operation: 'BatchPutItem', tables: { [handsUpTable(ctx)]: items } };
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  const unprocessed = ctx.result.unprocessedItems?.[handsUpTable(ctx)] ?? [];
  if (unprocessed.length) util.error("The event's questions could not all be saved: please try again", 'Throttled');
  return ctx.stash.newQuestions;
}
