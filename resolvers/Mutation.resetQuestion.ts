import type { Context } from '@aws-appsync/utils';
import type { MutationResetQuestionArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';

// Pipeline: getQuestion → startRound.
export function request(ctx: Context<MutationResetQuestionArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  return {};
}

export function response(ctx: Context<MutationResetQuestionArgs>) {
  return ctx.stash.question;
}
