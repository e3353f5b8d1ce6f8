import type { Context } from '@aws-appsync/utils';
import type { QueryPollByCodeArgs } from './generated/schema.ts';
import { normalizeCode } from './lib/codes.ts';

// Pipeline: findPollByCode → getPoll.
export function request(ctx: Context<QueryPollByCodeArgs>) {
  ctx.stash.code = normalizeCode(ctx.args.code);
  return {};
}

export function response(ctx: Context<QueryPollByCodeArgs>) {
  return ctx.stash.poll;
}
