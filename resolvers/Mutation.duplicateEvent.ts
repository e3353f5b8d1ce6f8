import type { Context } from '@aws-appsync/utils';
import type { MutationDuplicateEventArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';

// Pipeline: getEvent → listQuestions → copyEvent → reserveCode → putEvent → putQuestions: the same talk tomorrow, a new code.
export function request(ctx: Context<MutationDuplicateEventArgs>) {
  checkId('event id', ctx.args.id);
  ctx.stash.eventId = ctx.args.id;
  return {};
}

export function response(ctx: Context<MutationDuplicateEventArgs>) {
  return { ...ctx.stash.event, questions: ctx.stash.newQuestions };
}
