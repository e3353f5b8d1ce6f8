import { util, type Context } from '@aws-appsync/utils';
import type { MutationCastVoteArgs } from './generated/schema.ts';
import { toAnswer } from './lib/answers.ts';
import { checkId, MAX_OPTIONS } from './lib/bounds.ts';
import { badRequest } from './lib/errors.ts';

// Pipeline: loadAnswerContext → checkVote → markAnswered → recordAnswer → addToTally →
// markCounted → clearInflight → getTally. What it answers is what onAnswer pushes.
export function request(ctx: Context<MutationCastVoteArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  checkId('participant id', ctx.args.participantId);
  if (ctx.args.optionIds.length > MAX_OPTIONS) badRequest(`Choose at most ${MAX_OPTIONS} options`);
  ctx.args.optionIds.forEach((id) => checkId('option id', id));
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  ctx.stash.participantId = ctx.args.participantId;
  return {};
}

export function response(ctx: Context<MutationCastVoteArgs>) {
  const { question, counting, refusal } = ctx.stash;
  // An earlier answer was finished instead of this one (see checkVote).
  if (refusal) util.error(refusal.message, refusal.type);
  const answer = { ...counting, round: question.round, counted: true };
  return toAnswer(question, answer, ctx.stash.results, ctx.identity);
}
