import { runtime, util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { isPublic, sortEntries, type EntryItem } from '../lib/entries.ts';
import { raiseDataSourceError } from '../lib/errors.ts';
import { entriesPartition } from '../lib/keys.ts';
import { isOrganizer } from '../lib/visibility.ts';

/**
 * Reads the entries of ctx.stash.question's current round the caller may see into
 * ctx.stash.visibleEntries — organizers all, the audience the approved and answered
 * ones — sorted: pinned, most upvoted, newest. One partition per question: one Query.
 * A question of another type has none (exportQuestion lists this for every type).
 */
export function request(ctx: Context) {
  const question = ctx.stash.question;
  if (question.type !== 'QA') runtime.earlyReturn([]);
  return ddb.query({
    query: { pk: { eq: entriesPartition(question.eventId, question.id) }, sk: { beginsWith: 'ENTRY#' } },
    filter: { round: { eq: question.round } },
    consistentRead: true,
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  // A question's entries fit in one page (1 MB, thousands of entries); more is refused rather than cut silently.
  if (ctx.result.nextToken) util.error('This question has too many entries to list', 'TooManyEntries');
  const items = ctx.result.items as EntryItem[];
  const visible = isOrganizer(ctx.identity) ? items : items.filter((entry) => isPublic(entry));
  ctx.stash.visibleEntries = sortEntries(visible);
  return ctx.stash.visibleEntries;
}
