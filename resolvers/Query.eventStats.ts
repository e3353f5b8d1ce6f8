import type { Context } from '@aws-appsync/utils';
import type { QueryEventStatsArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';

// Pipeline: getEvent → getQuestion (the one on) → getTally → getStats. Re-read by the screens every few seconds: joins are not pushed, they would carry participant ids.
export function request(ctx: Context<QueryEventStatsArgs>) {
  checkId('event id', ctx.args.eventId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.currentQuestion = true;
  return {};
}

export function response(ctx: Context<QueryEventStatsArgs>) {
  const { event, results, stats } = ctx.stash;
  return { eventId: event.id, joined: stats.joined, currentQuestionId: event.currentQuestionId ?? null, voters: results ? results.voters : 0 };
}
