import type { Context } from '@aws-appsync/utils';
import type { MutationDuplicateQuestionArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';

// Pipeline: getEvent → getQuestion → putQuestion (a copy) → saveEvent (right after the original) → removeUnlinkedQuestion (refused: the copy is taken back).
export function request(ctx: Context<MutationDuplicateQuestionArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  ctx.stash.settings = null;
  ctx.stash.edit = { kind: 'insertAfter', afterId: ctx.args.questionId };
  return {};
}

export function response(ctx: Context<MutationDuplicateQuestionArgs>) {
  return ctx.stash.event;
}
