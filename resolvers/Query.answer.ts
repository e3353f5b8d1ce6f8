import type { Context } from '@aws-appsync/utils';
import type { QueryAnswerArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';
import { toAnswer } from './lib/answers.ts';

// Pipeline: loadAnswerContext → getTally. What a returning phone needs: its answer this round, if any, and the results it may see.
export function request(ctx: Context<QueryAnswerArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  checkId('participant id', ctx.args.participantId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  ctx.stash.participantId = ctx.args.participantId;
  return {};
}

export function response(ctx: Context<QueryAnswerArgs>) {
  const { question, answer } = ctx.stash;
  if (!answer || answer.round !== question.round) return null;
  return toAnswer(question, answer, ctx.stash.results, ctx.identity);
}
