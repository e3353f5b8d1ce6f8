import type { Context } from '@aws-appsync/utils';
import type { MutationJoinEventArgs } from './generated/schema.ts';
import { checkCode } from './lib/bounds.ts';
import { normalizeCode } from './lib/codes.ts';

// Pipeline: findEventByCode → getEvent → putParticipant → countJoin.
export function request(ctx: Context<MutationJoinEventArgs>) {
  checkCode(ctx.args.code);
  ctx.stash.code = normalizeCode(ctx.args.code);
  return {};
}

export function response(ctx: Context<MutationJoinEventArgs>) {
  return ctx.stash.participant;
}
