import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { MAX_QUESTIONS } from '../lib/bounds.ts';
import { raiseDataSourceError } from '../lib/errors.ts';
import { eventKey } from '../lib/keys.ts';
import type { EventItem, QuestionItem } from '../lib/model.ts';

/** Reads every question of ctx.stash.event into ctx.stash.questions, in the event's order. */
export function request(ctx: Context) {
  return ddb.query({
    query: { pk: { eq: eventKey(ctx.stash.eventId).pk }, sk: { beginsWith: 'QUESTION#' } },
    consistentRead: true,
    limit: MAX_QUESTIONS * 2,
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  const event = ctx.stash.event as EventItem;
  const items = ctx.result.items as QuestionItem[];
  const ordered = event.questionIds.map((id) => items.find((item) => item.id === id)).filter((item) => !!item);
  ctx.stash.questions = ordered;
  return ordered;
}
