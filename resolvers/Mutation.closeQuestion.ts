import type { Context } from '@aws-appsync/utils';
import type { MutationCloseQuestionArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';

// Pipeline: getQuestion → setQuestionState. Only an open question closes; its result then stands.
export function request(ctx: Context<MutationCloseQuestionArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  ctx.stash.transition = { from: 'OPEN', to: 'CLOSED', verb: 'closed' };
  return {};
}

export function response(ctx: Context<MutationCloseQuestionArgs>) {
  return ctx.stash.question;
}
