import type { Context } from '@aws-appsync/utils';
import type { MutationOpenQuestionArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';

// Pipeline: getQuestion → setQuestionState → createTally. Only a draft opens; its round's tally shards are written then.
export function request(ctx: Context<MutationOpenQuestionArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  ctx.stash.transition = { from: 'DRAFT', to: 'OPEN', verb: 'opened' };
  return {};
}

export function response(ctx: Context<MutationOpenQuestionArgs>) {
  return ctx.stash.question;
}
