import { util, type Context } from '@aws-appsync/utils';
import type { QueryResultsArgs } from './generated/schema.ts';
import { canSeeResults, RESULTS_HIDDEN } from './lib/visibility.ts';

// Pipeline: getPoll → getParticipant (when a participant asks) → getTally.
export function request(ctx: Context<QueryResultsArgs>) {
  ctx.stash.pollId = ctx.args.pollId;
  ctx.stash.participantId = ctx.args.participantId;
  return {};
}

export function response(ctx: Context<QueryResultsArgs>) {
  const { poll, participant } = ctx.stash;
  if (!canSeeResults(poll, participant ?? null, ctx.identity)) {
    util.error(RESULTS_HIDDEN[poll.resultsVisibility as 'AFTER_VOTE' | 'AFTER_CLOSE'], 'ResultsHidden');
  }
  return ctx.stash.results;
}
