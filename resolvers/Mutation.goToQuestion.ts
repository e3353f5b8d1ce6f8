import type { Context } from '@aws-appsync/utils';
import type { MutationGoToQuestionArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';

// Pipeline: getEvent → saveEvent. The presenter's next, previous or jump: onEventChanged carries it to the phones and the big screen.
export function request(ctx: Context<MutationGoToQuestionArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  ctx.stash.edit = { kind: 'current', questionId: ctx.args.questionId };
  return {};
}

export function response(ctx: Context<MutationGoToQuestionArgs>) {
  return ctx.stash.event;
}
