import { runtime, util, type Context } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors.ts';
import { handsUpTable, upvoteKey } from '../lib/keys.ts';
import { MY_UPVOTES_LIMIT, type EntryItem } from '../lib/entries.ts';

/**
 * When a participant lists entries (ctx.stash.participantId), reads their upvotes
 * of the entries they see into ctx.stash.myUpvotes (entry id → on).
 */
export function request(ctx: Context) {
  const participantId = ctx.stash.participantId as string | undefined;
  const entries = (ctx.stash.visibleEntries ?? []) as EntryItem[];
  if (!participantId || entries.length === 0) runtime.earlyReturn({});
  const keys = entries
    .slice(0, MY_UPVOTES_LIMIT)
    .map((entry) => util.dynamodb.toMapValues(upvoteKey(entry.eventId, entry.questionId, entry.id, participantId!)));
  return {
    operation: 'BatchGetItem',
    tables: { [handsUpTable(ctx)]: { keys, consistentRead: true, projection: { expression: '#entryId, #on', expressionNames: { '#entryId': 'entryId', '#on': 'on' } } } },
  };
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  const table = handsUpTable(ctx);
  if ((ctx.result.unprocessedKeys?.[table] ?? []).length) util.error('Your upvotes could not be read: please try again', 'Throttled');
  const mine: Record<string, boolean> = {};
  for (const upvote of ctx.result.data[table] as ({ entryId: string; on: boolean } | null)[]) {
    if (upvote) mine[upvote.entryId] = upvote.on;
  }
  ctx.stash.myUpvotes = mine;
  return mine;
}
