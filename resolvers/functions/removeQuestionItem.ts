import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { questionKey } from '../lib/keys.ts';

/** Deletes the question saveEvent just unlinked. Its answers and tally shards stay behind, unreachable (see README). */
export function request(ctx: Context) {
  return ddb.remove({ key: questionKey(ctx.stash.eventId, ctx.stash.questionId) });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  return null;
}
