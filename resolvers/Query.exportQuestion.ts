import { util, type Context } from '@aws-appsync/utils';
import type { QueryExportQuestionArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';
import { questionCsv } from './lib/csv.ts';

// Pipeline: loadAnswerContext → getTally. Organizers only (see the schema).
export function request(ctx: Context<QueryExportQuestionArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  return {};
}

export function response(ctx: Context<QueryExportQuestionArgs>) {
  return questionCsv(ctx.stash.results, util.time.nowISO8601());
}
