import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { statsKey } from '../lib/keys.ts';

/** Reads the event's counters into ctx.stash.stats (no joins yet: no item). */
export function request(ctx: Context) {
  return ddb.get({ key: statsKey(ctx.stash.eventId), consistentRead: true });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  ctx.stash.stats = { joined: (ctx.result && ctx.result.joined) || 0 };
  return ctx.stash.stats;
}
