import type { Context } from '@aws-appsync/utils';
import type { MutationOpenPollArgs } from './generated/schema.ts';

// Pipeline: getPoll → setPollState. Only a draft opens.
export function request(ctx: Context<MutationOpenPollArgs>) {
  ctx.stash.pollId = ctx.args.id;
  ctx.stash.transition = { from: 'DRAFT', to: 'OPEN', verb: 'opened' };
  return {};
}

export function response(ctx: Context<MutationOpenPollArgs>) {
  return ctx.stash.poll;
}
