import type { Context } from '@aws-appsync/utils';
import type { MutationDeletePollArgs } from './generated/schema.ts';

// Pipeline: getPoll → removePoll → removeCode. Answers with the poll as it was.
export function request(ctx: Context<MutationDeletePollArgs>) {
  ctx.stash.pollId = ctx.args.id;
  return {};
}

export function response(ctx: Context<MutationDeletePollArgs>) {
  return ctx.stash.poll;
}
