import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { questionKey } from '../lib/keys.ts';
import type { EventItem, QuestionItem } from '../lib/model.ts';
import { checkRoomForQuestion } from '../lib/order.ts';
import { copyQuestion, newQuestion } from '../lib/questions.ts';

/**
 * Writes a new question of ctx.stash.event: from ctx.stash.settings (addQuestion) or
 * a copy of ctx.stash.question (duplicateQuestion). saveEvent links it into the
 * list after: a question is written before anything points at it. ctx.stash.written
 * names it until then, so that removeUnlinkedQuestion can take it back if saveEvent is refused.
 */
export function request(ctx: Context) {
  const event = ctx.stash.event as EventItem;
  checkRoomForQuestion(event);
  const now = util.time.nowISO8601();
  const id = util.autoId();
  const question = ctx.stash.settings
    ? newQuestion(ctx.stash.settings, event.id, id, now)
    : copyQuestion(ctx.stash.question as QuestionItem, event.id, id, now);
  const key = questionKey(event.id, id);
  return ddb.put({ key, item: { ...question, ...key }, condition: { pk: { attributeExists: false } } });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  // The resolver said where it goes (append, insertAfter); now it has an id.
  ctx.stash.edit = { ...ctx.stash.edit, questionId: ctx.result.id };
  ctx.stash.written = ctx.result.id;
  return ctx.result;
}
