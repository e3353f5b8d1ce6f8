import { runtime, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import type { Event } from './generated/schema.ts';
import { MAX_QUESTIONS } from './lib/bounds.ts';
import { raiseDataSourceError } from './lib/errors.ts';
import { eventKey } from './lib/keys.ts';
import type { QuestionItem } from './lib/model.ts';

/**
 * An event's questions, in questionIds order, read from its partition. A mutation
 * that has them at hand (createEvent, duplicateEvent) answers them on the event.
 */
export function request(ctx: Context) {
  const event = ctx.source as Event & { questions?: unknown };
  if (event.questions) runtime.earlyReturn(event.questions);
  return ddb.query({
    query: { pk: { eq: eventKey(event.id).pk }, sk: { beginsWith: 'QUESTION#' } },
    consistentRead: true,
    limit: MAX_QUESTIONS * 2,
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  const items = ctx.result.items as QuestionItem[];
  const event = ctx.source as Event;
  return event.questionIds.map((id) => items.find((item) => item.id === id)).filter((item) => !!item);
}
