import { runtime, util, type Context } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors.ts';
import { handsUpTable, tallyKeys, votesAttribute } from '../lib/keys.ts';
import type { QuestionItem } from '../lib/model.ts';
import { toResults } from '../lib/results.ts';

/**
 * Reads the counters of every tally shard of ctx.stash.question's round — TALLY_SHARDS
 * small items, however many answers — into ctx.stash.results. No question: nothing to read.
 */
export function request(ctx: Context) {
  const question = ctx.stash.question as QuestionItem | null;
  if (!question) runtime.earlyReturn(null);
  const expressionNames: Record<string, string> = { '#voters': 'voters' };
  const names = question.options.map((option, index) => {
    expressionNames[`#v${index}`] = votesAttribute(option.id);
    return `#v${index}`;
  });
  const keys = tallyKeys(question.eventId, question.id, question.round).map((key) => util.dynamodb.toMapValues(key));
  // A word cloud's counters are named after its words, unknown in advance: its shards are read whole.
  const projection = question.type === 'WORD_CLOUD' ? undefined : { expression: ['#voters', ...names].join(', '), expressionNames };
  return { operation: 'BatchGetItem', tables: { [handsUpTable(ctx)]: { keys, consistentRead: true, projection } } };
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  const table = handsUpTable(ctx);
  if ((ctx.result.unprocessedKeys?.[table] ?? []).length) util.error('The results could not be read: please try again', 'Throttled');
  ctx.stash.results = toResults(ctx.stash.question, ctx.result.data[table], util.time.nowISO8601());
  return ctx.stash.results;
}
