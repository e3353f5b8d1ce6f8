import { util, type Context } from '@aws-appsync/utils';
import type { QueryEntriesArgs } from './generated/schema.ts';
import { MY_UPVOTES_LIMIT, toEntry, type EntryItem } from './lib/entries.ts';
import { stashQuestionArgs } from './lib/args.ts';

// Pipeline: loadAnswerContext → queryEntries → getMyUpvotes (when a participant asks).
// The audience sees approved and answered entries; organizers all of them.
export function request(ctx: Context<QueryEntriesArgs>) {
  stashQuestionArgs(ctx.stash, ctx.args);
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
