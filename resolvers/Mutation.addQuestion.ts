import type { Context } from '@aws-appsync/utils';
import type { MutationAddQuestionArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';
import { questionSettings } from './lib/questions.ts';

// Pipeline: getEvent → putQuestion → saveEvent (appended to the list) → removeUnlinkedQuestion (refused: the question is taken back).
export function request(ctx: Context<MutationAddQuestionArgs>) {
  checkId('event id', ctx.args.eventId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.settings = questionSettings(ctx.args.input);
  ctx.stash.edit = { kind: 'append' };
  return {};
}

export function response(ctx: Context<MutationAddQuestionArgs>) {
  return ctx.stash.event;
}
