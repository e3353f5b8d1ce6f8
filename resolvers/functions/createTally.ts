import type { Context } from '@aws-appsync/utils';
import { util } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors.ts';
import { handsUpTable, tallyKeys, votesAttribute } from '../lib/keys.ts';
import type { PollItem } from '../lib/model.ts';

/**
 * Writes the tally shards of the poll's current round (ctx.stash.poll), every
 * counter at zero and an empty `inflight` map, which addToTally relies on.
 */
export function request(ctx: Context) {
  const poll = ctx.stash.poll as PollItem;
  const items = tallyKeys(poll.id, poll.round).map((key) => {
    const item: Record<string, unknown> = { ...key, pollId: poll.id, round: poll.round, inflight: {} };
    for (const option of poll.options) item[votesAttribute(option.id)] = 0;
    return util.dynamodb.toMapValues(item);
  });
  return { operation: 'BatchPutItem', tables: { [handsUpTable(ctx)]: items } };
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  const unprocessed = ctx.result.unprocessedItems?.[handsUpTable(ctx)] ?? [];
  if (unprocessed.length) util.error('The poll\'s tally could not be prepared: please try again', 'Throttled');
  return ctx.stash.poll;
}
