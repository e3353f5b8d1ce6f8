import { extensions, util, type Context } from '@aws-appsync/utils';
import type { SubscriptionOnVoteArgs } from './generated/schema.ts';
import { canSeeResults, RESULTS_HIDDEN } from './lib/visibility.ts';

// Pipeline, at subscribe time: getPoll → getParticipant (when one subscribes).
// Ballots carry the tally, so only those who may see the tally may subscribe.
export function request(ctx: Context<SubscriptionOnVoteArgs>) {
  ctx.stash.pollId = ctx.args.pollId;
  ctx.stash.participantId = ctx.args.participantId;
  return {};
}

export function response(ctx: Context<SubscriptionOnVoteArgs>) {
  const { poll, participant } = ctx.stash;
  if (!canSeeResults(poll, participant ?? null, ctx.identity)) {
    util.error(RESULTS_HIDDEN[poll.resultsVisibility as 'AFTER_VOTE' | 'AFTER_CLOSE'], 'Unauthorized');
  }
  // The participant id only proves the subscriber voted: ballots match on the poll alone.
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ pollId: { eq: poll.id } }));
  return null;
}
