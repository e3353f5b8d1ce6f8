import type { Context } from '@aws-appsync/utils';
import type { MutationClosePollArgs } from './generated/schema.ts';

// Pipeline: getPoll → setPollState. Only an open poll closes; its result then stands.
export function request(ctx: Context<MutationClosePollArgs>) {
  ctx.stash.pollId = ctx.args.id;
  ctx.stash.transition = { from: 'OPEN', to: 'CLOSED', verb: 'closed' };
  return {};
}

export function response(ctx: Context<MutationClosePollArgs>) {
  return ctx.stash.poll;
}
