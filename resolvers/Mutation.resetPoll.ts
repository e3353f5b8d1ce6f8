import type { Context } from '@aws-appsync/utils';
import type { MutationResetPollArgs } from './generated/schema.ts';

// Pipeline: getPoll → startRound → createTally.
export function request(ctx: Context<MutationResetPollArgs>) {
  ctx.stash.pollId = ctx.args.id;
  return {};
}

export function response(ctx: Context<MutationResetPollArgs>) {
  return ctx.stash.poll;
}
