import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { COUNT_PREFIX, COUNT_SHARDS } from '../lib/keys.ts';

type Args = { pollId: string };

/** Reads every counter shard of the poll: at most 10 options × COUNT_SHARDS items, whatever the votes. */
export function request(ctx: Context<Args>) {
  return ddb.query({
    query: { pk: { eq: `POLL#${ctx.args.pollId}` }, sk: { beginsWith: COUNT_PREFIX } },
    consistentRead: true,
    limit: 10 * COUNT_SHARDS,
  });
}

export function response(ctx: Context<Args>) {
  raiseDataSourceError(ctx.error);
  return ctx.result.items;
}
