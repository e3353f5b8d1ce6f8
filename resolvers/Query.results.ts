import { util, type Context } from '@aws-appsync/utils';
import type { QueryResultsArgs } from './generated/schema.ts';
import { stashQuestionArgs } from './lib/args.ts';
import { canSeeResults, resultsHiddenMessage } from './lib/visibility.ts';

// Pipeline: loadAnswerContext (with the participant's answer when one asks) → getTally.
export function request(ctx: Context<QueryResultsArgs>) {
  stashQuestionArgs(ctx.stash, ctx.args);
  return {};
}

export function response(ctx: Context<QueryResultsArgs>) {
  const { question, answer } = ctx.stash;
  if (!canSeeResults(question, answer, ctx.identity)) util.error(resultsHiddenMessage(question), 'ResultsHidden');
  return ctx.stash.results;
}
