import { runtime, util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { questionKey } from '../lib/keys.ts';

/**
 * After saveEvent was refused (ctx.stash.refusal): deletes the question putQuestion wrote
 * for the edit (ctx.stash.written), which nothing links to, then raises the refusal. A
 * clean-up rather than a transaction: dynalite, the local default, has none, and the
 * question has no answers yet (nobody knows its id). Otherwise: nothing to do.
 */
export function request(ctx: Context) {
  if (!ctx.stash.refusal) runtime.earlyReturn(ctx.prev.result);
  return ddb.remove({ key: questionKey(ctx.stash.event.id, ctx.stash.written) });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  util.error(ctx.stash.refusal.message, ctx.stash.refusal.type);
}
