import type { Context } from '@aws-appsync/utils';
import type { MutationRemoveQuestionArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';

// Pipeline: getEvent → saveEvent (unlinked first, off the screen if it was on) → removeQuestionItem.
export function request(ctx: Context<MutationRemoveQuestionArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  ctx.stash.edit = { kind: 'remove', questionId: ctx.args.questionId };
  return {};
}

export function response(ctx: Context<MutationRemoveQuestionArgs>) {
  return ctx.stash.event;
}
