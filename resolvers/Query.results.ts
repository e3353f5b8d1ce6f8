import { util, type Context } from '@aws-appsync/utils';
import type { QueryResultsArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';
import { canSeeResults, resultsHiddenMessage } from './lib/visibility.ts';

// Pipeline: loadAnswerContext (with the participant's answer when one asks) → getTally.
export function request(ctx: Context<QueryResultsArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  checkId('participant id', ctx.args.participantId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  ctx.stash.participantId = ctx.args.participantId ?? null;
  return {};
}

export function response(ctx: Context<QueryResultsArgs>) {
  const { question, answer } = ctx.stash;
  if (!canSeeResults(question, answer, ctx.identity)) util.error(resultsHiddenMessage(question), 'ResultsHidden');
  return ctx.stash.results;
}
