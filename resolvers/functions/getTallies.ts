import { runtime, util, type Context } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors.ts';
import { handsUpTable, tallyKeys, TALLY_SHARDS } from '../lib/keys.ts';
import type { QuestionItem } from '../lib/model.ts';
import { toResults } from '../lib/results.ts';

// BatchGetItem reads at most 100 keys: the shards of 6 questions.
const PER_BATCH = Math.floor(100 / TALLY_SHARDS);

/**
 * Reads the tally shards of the next questions of ctx.stash.questions (from
 * ctx.stash.cursor) and appends their results to ctx.stash.sections. exportEvent
 * lists this function as often as an event's questions need (25 / 6 → 5 times).
 */
export function request(ctx: Context) {
  const questions = ctx.stash.questions as QuestionItem[];
  const cursor = (ctx.stash.cursor as number | undefined) ?? 0;
  const batch = questions.slice(cursor, cursor + PER_BATCH);
  if (batch.length === 0) runtime.earlyReturn(ctx.stash.sections ?? []);
  ctx.stash.batch = batch;
  const keys = batch.flatMap((question) => tallyKeys(question.eventId, question.id, question.round));
  return {
    operation: 'BatchGetItem',
    tables: { [handsUpTable(ctx)]: { keys: keys.map((key) => util.dynamodb.toMapValues(key)), consistentRead: true } },
  };
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  const table = handsUpTable(ctx);
  if ((ctx.result.unprocessedKeys?.[table] ?? []).length) util.error('The results could not be read: please try again', 'Throttled');
  const shards = ctx.result.data[table];
  const now = util.time.nowISO8601();
  const batch = ctx.stash.batch as QuestionItem[];
  const sections = batch.map((question, index) => toResults(question, shards.slice(index * TALLY_SHARDS, (index + 1) * TALLY_SHARDS), now));
  ctx.stash.sections = [...(ctx.stash.sections ?? []), ...sections];
  ctx.stash.cursor = ((ctx.stash.cursor as number | undefined) ?? 0) + batch.length;
  return ctx.stash.sections;
}
