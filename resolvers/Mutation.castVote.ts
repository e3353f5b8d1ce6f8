import type { Context } from '@aws-appsync/utils';
import type { MutationCastVoteArgs } from './generated/schema.ts';
import { canSeeResults } from './lib/visibility.ts';

// Pipeline: getPoll → getParticipant → checkVote → recordBallot → addToTally →
// markCounted → clearInflight → getTally. What it answers is what onVote pushes.
export function request(ctx: Context<MutationCastVoteArgs>) {
  ctx.stash.pollId = ctx.args.pollId;
  ctx.stash.participantId = ctx.args.participantId;
  return {};
}

export function response(ctx: Context<MutationCastVoteArgs>) {
  const { poll } = ctx.stash;
  // The voter has voted now: AFTER_VOTE shows them the tally; AFTER_CLOSE does not.
  const voted = { ...ctx.stash.participant, round: poll.round };
  return {
    pollId: poll.id,
    optionId: ctx.args.optionId,
    round: poll.round,
    results: canSeeResults(poll, voted, ctx.identity) ? ctx.stash.results : null,
  };
}
