import { util, type Context } from '@aws-appsync/utils';
import type { MutationSubmitWordsArgs } from './generated/schema.ts';
import { toAnswer } from './lib/answers.ts';
import { checkId } from './lib/bounds.ts';
import { badRequest } from './lib/errors.ts';
import { checkWords, MAX_WORDS } from './lib/words.ts';

// Pipeline: loadAnswerContext → checkWords → markAnswered → recordAnswer → addToTally →
// markCounted → clearInflight → getTally: castVote's steps, counting words instead of
// options (w_<word> on the shard). What it answers is what onAnswer pushes.
export function request(ctx: Context<MutationSubmitWordsArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  checkId('participant id', ctx.args.participantId);
  if (ctx.args.words.length > MAX_WORDS) badRequest(`Send at most ${MAX_WORDS} words or phrases`);
  ctx.stash.words = checkWords(ctx.args.words);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  ctx.stash.participantId = ctx.args.participantId;
  return {};
}

export function response(ctx: Context<MutationSubmitWordsArgs>) {
  const { question, counting, refusal } = ctx.stash;
  // An earlier answer was finished instead of this one (see checkWords).
  if (refusal) util.error(refusal.message, refusal.type);
  const answer = { ...counting, round: question.round, counted: true };
  return toAnswer(question, answer, ctx.stash.results, ctx.identity);
}
