import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateQuestionArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';
import { questionSettings } from './lib/questions.ts';

// Pipeline: getEvent → getQuestion → replaceQuestion. Refused once the question has answers this round.
export function request(ctx: Context<MutationUpdateQuestionArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  ctx.stash.settings = questionSettings(ctx.args.input);
  return {};
}

export function response(ctx: Context<MutationUpdateQuestionArgs>) {
  return ctx.stash.event;
}
