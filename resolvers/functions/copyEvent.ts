import { util, type Context } from '@aws-appsync/utils';
import type { EventItem, QuestionItem } from '../lib/model.ts';
import { copyQuestion } from '../lib/questions.ts';

/**
 * Builds the copy of ctx.stash.event and its questions (NONE data source) that
 * reserveCode, putEvent and putQuestions write: new ids, every question a draft
 * in round 1 with no answers, nothing on yet.
 */
export function request(ctx: Context) {
  const event = ctx.stash.event as EventItem;
  const now = util.time.nowISO8601();
  const eventId = util.autoId();
  const questions = (ctx.stash.questions as QuestionItem[]).map((question) => copyQuestion(question, eventId, util.autoId(), now));
  ctx.stash.newQuestions = questions;
  ctx.stash.eventItem = {
    id: eventId,
    title: `${event.title} (copy)`.slice(0, 200),
    questionIds: questions.map((question) => question.id),
    currentQuestionId: null,
    createdAt: now,
    updatedAt: now,
  };
  return { payload: null };
}

export function response() {
  return null;
}
