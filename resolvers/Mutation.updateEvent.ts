import type { Context } from '@aws-appsync/utils';
import type { MutationUpdateEventArgs } from './generated/schema.ts';
import { checkId, checkTitle } from './lib/bounds.ts';

// Pipeline: getEvent → saveEvent.
export function request(ctx: Context<MutationUpdateEventArgs>) {
  checkId('event id', ctx.args.id);
  ctx.stash.eventId = ctx.args.id;
  ctx.stash.edit = { kind: 'title', title: checkTitle('An event', ctx.args.title) };
  return {};
}

export function response(ctx: Context<MutationUpdateEventArgs>) {
  return ctx.stash.event;
}
