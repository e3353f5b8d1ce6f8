import type { Context } from '@aws-appsync/utils';
import type { MutationDeleteEventArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';

// Pipeline: getEvent → removeEvent → removeCode. Answers with the event as it was.
export function request(ctx: Context<MutationDeleteEventArgs>) {
  checkId('event id', ctx.args.id);
  ctx.stash.eventId = ctx.args.id;
  return {};
}

export function response(ctx: Context<MutationDeleteEventArgs>) {
  return ctx.stash.event;
}
