import { util, type Context } from '@aws-appsync/utils';
import type { QueryResultsArgs } from './generated/schema.ts';
import { toResults } from './lib/results.ts';

// Pipeline: getPoll → getCounts.
export function request() {
  return {};
}

export function response(ctx: Context<QueryResultsArgs>) {
  return toResults(ctx.stash.poll, ctx.prev.result, util.time.nowISO8601());
}
