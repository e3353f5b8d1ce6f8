import { util, type Context } from '@aws-appsync/utils';
import type { MutationCreateEventArgs } from './generated/schema.ts';
import { checkTitle, MAX_QUESTIONS } from './lib/bounds.ts';
import { badRequest } from './lib/errors.ts';
import { newQuestion, questionSettings } from './lib/questions.ts';

// Pipeline: reserveCode → putEvent → putQuestions. Every question starts as a draft; nothing is on yet.
export function request(ctx: Context<MutationCreateEventArgs>) {
  const title = checkTitle('An event', ctx.args.input.title);
  const inputs = ctx.args.input.questions ?? [];
  if (inputs.length > MAX_QUESTIONS) badRequest(`An event has at most ${MAX_QUESTIONS} questions`);
  const now = util.time.nowISO8601();
  const eventId = util.autoId();
  const questions = inputs.map((input) => newQuestion(questionSettings(input), eventId, util.autoId(), now));
  ctx.stash.newQuestions = questions;
  ctx.stash.eventItem = { id: eventId, title, questionIds: questions.map((q) => q.id), currentQuestionId: null, createdAt: now, updatedAt: now };
  return {};
}

export function response(ctx: Context<MutationCreateEventArgs>) {
  // Event.questions answers these without reading them back.
  return { ...ctx.stash.event, questions: ctx.stash.newQuestions };
}
