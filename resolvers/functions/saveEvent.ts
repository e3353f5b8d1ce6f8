import { util, type Context } from '@aws-appsync/utils';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { eventKey } from '../lib/keys.ts';
import type { EventItem } from '../lib/model.ts';
import { applyEdit, type EventEdit } from '../lib/order.ts';

/**
 * Applies ctx.stash.edit (title, the list of questions, what is on) to ctx.stash.event,
 * if nobody changed the event since it was read: two organizers editing at once
 * cannot lose each other's change. Refused after putQuestion wrote a question for this
 * edit, it stashes the refusal (ctx.stash.refusal) for removeUnlinkedQuestion, which
 * takes the question back before raising it.
 */
export function request(ctx: Context) {
  const event = ctx.stash.event as EventItem;
  const changed = applyEdit(event, ctx.stash.edit as EventEdit);
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(eventKey(event.id)),
    update: {
      expression: 'SET #title = :title, #questionIds = :questionIds, #current = :current, #updatedAt = :now',
      expressionNames: { '#title': 'title', '#questionIds': 'questionIds', '#current': 'currentQuestionId', '#updatedAt': 'updatedAt' },
      expressionValues: util.dynamodb.toMapValues({
        ':title': changed.title,
        ':questionIds': changed.questionIds,
        ':current': changed.currentQuestionId,
        ':now': util.time.nowISO8601(),
      }),
    },
    condition: {
      expression: '#updatedAt = :seen',
      expressionNames: { '#updatedAt': 'updatedAt' },
      expressionValues: util.dynamodb.toMapValues({ ':seen': event.updatedAt }),
    },
  };
}

export function response(ctx: Context) {
  if (isConditionFailure(ctx.error)) {
    const refusal = { message: `Event ${ctx.stash.event.id} changed meanwhile: look again and retry`, type: 'ConcurrentChange' };
    if (!ctx.stash.written) util.error(refusal.message, refusal.type);
    ctx.stash.refusal = refusal;
    return null;
  }
  raiseDataSourceError(ctx.error);
  ctx.stash.event = ctx.result;
  return ctx.result;
}
