import { util, type Context } from '@aws-appsync/utils';
import type { QueryExportQuestionArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';
import { entriesCsv, questionCsv } from './lib/csv.ts';

// Pipeline: loadAnswerContext → getTally → queryEntries (Q&A). Organizers only (see the schema).
export function request(ctx: Context<QueryExportQuestionArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  return {};
}

export function response(ctx: Context<QueryExportQuestionArgs>) {
  const now = util.time.nowISO8601();
  if (ctx.stash.question.type === 'QA') return entriesCsv(ctx.stash.question, ctx.stash.visibleEntries, now);
  return questionCsv(ctx.stash.results, now);
}
