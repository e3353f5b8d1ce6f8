import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { pollKey } from '../lib/keys.ts';

/** Deletes ctx.stash.poll. Its participants and tally shards stay behind, unreachable (see README). */
export function request(ctx: Context) {
  return ddb.remove({ key: pollKey(ctx.stash.poll.id) });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  return ctx.stash.poll;
}
