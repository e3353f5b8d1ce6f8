import type { Context } from '@aws-appsync/utils';
import type { MutationJoinPollArgs } from './generated/schema.ts';
import { normalizeCode } from './lib/codes.ts';

// Pipeline: findPollByCode → getPoll → putParticipant.
export function request(ctx: Context<MutationJoinPollArgs>) {
  ctx.stash.code = normalizeCode(ctx.args.code);
  return {};
}

export function response(ctx: Context<MutationJoinPollArgs>) {
  return ctx.prev.result;
}
