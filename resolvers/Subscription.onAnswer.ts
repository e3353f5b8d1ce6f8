import { extensions, util, type Context } from '@aws-appsync/utils';
import type { SubscriptionOnAnswerArgs } from './generated/schema.ts';
import { stashQuestionArgs } from './lib/args.ts';
import { canSeeResults, resultsHiddenMessage } from './lib/visibility.ts';

// Pipeline, at subscribe time: loadAnswerContext (with the subscriber's answer when one subscribes).
// Answers carry the results, so only those who may see the results now may subscribe.
export function request(ctx: Context<SubscriptionOnAnswerArgs>) {
  stashQuestionArgs(ctx.stash, ctx.args);
  return {};
}

export function response(ctx: Context<SubscriptionOnAnswerArgs>) {
  const { question, answer } = ctx.stash;
  if (!canSeeResults(question, answer, ctx.identity)) util.error(resultsHiddenMessage(question), 'Unauthorized');
  // The participant id only proves the subscriber answered: answers match on the question alone.
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter({ eventId: { eq: question.eventId }, questionId: { eq: question.id } }));
  return null;
}
