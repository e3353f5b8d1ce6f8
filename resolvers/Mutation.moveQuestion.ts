import type { Context } from '@aws-appsync/utils';
import type { MutationMoveQuestionArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';

// Pipeline: getEvent → saveEvent. Moves a question to a 0-based position in the list.
export function request(ctx: Context<MutationMoveQuestionArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  ctx.stash.edit = { kind: 'move', questionId: ctx.args.questionId, position: ctx.args.position };
  return {};
}

export function response(ctx: Context<MutationMoveQuestionArgs>) {
  return ctx.stash.event;
}
