import { runtime, util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { sortEntries, type EntryItem } from '../lib/entries.ts';
import { raiseDataSourceError } from '../lib/errors.ts';
import { entriesPartition } from '../lib/keys.ts';
import type { QuestionItem } from '../lib/model.ts';

/**
 * Reads every entry of the next Q&A question of ctx.stash.questions (this round's,
 * sorted as organizers see them) into ctx.stash.entriesOf[questionId]. A Query
 * reads one partition, so exportEvent lists this function once per Q&A question it
 * exports (EXPORTED_QA_QUESTIONS); there are pipeline slots for no more.
 */
export function request(ctx: Context) {
  const questions = (ctx.stash.questions ?? []) as QuestionItem[];
  const entriesOf = (ctx.stash.entriesOf ?? {}) as Record<string, EntryItem[]>;
  const next = questions.find((question) => question.type === 'QA' && !Object.hasOwn(entriesOf, question.id));
  if (!next) runtime.earlyReturn(entriesOf);
  ctx.stash.entriesQuestion = next;
  return ddb.query({
    query: { pk: { eq: entriesPartition(next!.eventId, next!.id) }, sk: { beginsWith: 'ENTRY#' } },
    filter: { round: { eq: next!.round } },
    consistentRead: true,
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  if (ctx.result.nextToken) util.error('A question has too many entries to export', 'TooManyEntries');
  const entriesOf = { ...(ctx.stash.entriesOf ?? {}), [ctx.stash.entriesQuestion.id]: sortEntries(ctx.result.items as EntryItem[]) };
  ctx.stash.entriesOf = entriesOf;
  return entriesOf;
}
