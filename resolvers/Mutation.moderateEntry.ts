import { util, type Context } from '@aws-appsync/utils';
import type { MutationModerateEntryArgs } from './generated/schema.ts';
import { toEntry } from './lib/entries.ts';
import { checkId } from './lib/bounds.ts';

// Pipeline: loadAnswerContext → getEntry → setModeration. Organizers only (the schema
// says so): approve, hide, mark answered, pin or unpin.
export function request(ctx: Context<MutationModerateEntryArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  checkId('entry id', ctx.args.entryId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  const { status, pinned } = ctx.args;
  if ((status === undefined || status === null) && (pinned === undefined || pinned === null)) {
    util.error('Say what to change: a status, a pin, or both', 'BadRequest');
  }
  return {};
}

export function response(ctx: Context<MutationModerateEntryArgs>) {
  return toEntry(ctx.stash.entry, null);
}
