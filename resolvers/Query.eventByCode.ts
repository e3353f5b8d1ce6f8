import type { Context } from '@aws-appsync/utils';
import type { QueryEventByCodeArgs } from './generated/schema.ts';
import { checkCode } from './lib/bounds.ts';
import { normalizeCode } from './lib/codes.ts';

// Pipeline: findEventByCode → getEvent.
export function request(ctx: Context<QueryEventByCodeArgs>) {
  checkCode(ctx.args.code);
  ctx.stash.code = normalizeCode(ctx.args.code);
  return {};
}

export function response(ctx: Context<QueryEventByCodeArgs>) {
  return ctx.stash.event;
}
