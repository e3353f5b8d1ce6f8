import { util, type Context } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors.ts';
import { handsUpTable, tallyKeys, votesAttribute } from '../lib/keys.ts';
import type { PollItem } from '../lib/model.ts';
import { toResults } from '../lib/results.ts';

/**
 * Reads the counters of every tally shard of ctx.stash.poll's round — TALLY_SHARDS
 * small items, however many votes — into ctx.stash.results.
 */
export function request(ctx: Context) {
  const poll = ctx.stash.poll as PollItem;
  const expressionNames: Record<string, string> = {};
  const names = poll.options.map((option, index) => {
    expressionNames[`#v${index}`] = votesAttribute(option.id);
    return `#v${index}`;
  });
  return {
    operation: 'BatchGetItem',
    tables: {
      [handsUpTable(ctx)]: {
        keys: tallyKeys(poll.id, poll.round).map((key) => util.dynamodb.toMapValues(key)),
        consistentRead: true,
        projection: { expression: names.join(', '), expressionNames },
      },
    },
  };
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  const table = handsUpTable(ctx);
  if ((ctx.result.unprocessedKeys?.[table] ?? []).length) util.error('The tally could not be read: please try again', 'Throttled');
  ctx.stash.results = toResults(ctx.stash.poll, ctx.result.data[table], util.time.nowISO8601());
  return ctx.stash.results;
}
