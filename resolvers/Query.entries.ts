import { util, type Context } from '@aws-appsync/utils';
import type { QueryEntriesArgs } from './generated/schema.ts';
import { MY_UPVOTES_LIMIT, toEntry, type EntryItem } from './lib/entries.ts';
import { checkId } from './lib/bounds.ts';

// Pipeline: loadAnswerContext → queryEntries → getMyUpvotes (when a participant asks).
// The audience sees approved and answered entries; organizers all of them.
export function request(ctx: Context<QueryEntriesArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  checkId('participant id', ctx.args.participantId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  ctx.stash.participantId = ctx.args.participantId;
  return {};
}

export function response(ctx: Context<QueryEntriesArgs>) {
  if (ctx.stash.question.type !== 'QA') util.error('This question takes no Q&A entries', 'BadRequest');
  const mine = (ctx.stash.myUpvotes ?? {}) as Record<string, boolean>;
  const known = (index: number) => !!ctx.stash.participantId && index < MY_UPVOTES_LIMIT;
  return (ctx.stash.visibleEntries as EntryItem[]).map((entry, index) =>
    toEntry(entry, known(index) ? mine[entry.id] === true : null),
  );
}
