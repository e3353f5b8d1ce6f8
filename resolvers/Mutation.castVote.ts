import { util, type Context } from '@aws-appsync/utils';
import type { MutationCastVoteArgs } from './generated/schema.ts';
import { toResults } from './lib/results.ts';

// Pipeline: getPoll (the poll exists and has the option) → addVote (one counter
// shard) → getCounts (the tally after it). The answer is what onResults pushes.
export function request() {
  return {};
}

export function response(ctx: Context<MutationCastVoteArgs>) {
  return toResults(ctx.stash.poll, ctx.prev.result, util.time.nowISO8601());
}
