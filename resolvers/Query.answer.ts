import type { Context } from '@aws-appsync/utils';
import type { QueryAnswerArgs } from './generated/schema.ts';
import { stashQuestionArgs } from './lib/args.ts';
import { toAnswer } from './lib/answers.ts';

// Pipeline: loadAnswerContext → getTally. What a returning phone needs: its answer this round, if any, and the results it may see.
export function request(ctx: Context<QueryAnswerArgs>) {
  stashQuestionArgs(ctx.stash, ctx.args);
  return {};
}

export function response(ctx: Context<QueryAnswerArgs>) {
  const { question, answer } = ctx.stash;
  if (!answer || answer.round !== question.round) return null;
  return toAnswer(question, answer, ctx.stash.results, ctx.identity);
}
