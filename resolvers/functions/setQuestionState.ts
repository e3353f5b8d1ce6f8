import { util, type Context } from '@aws-appsync/utils';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { questionKey } from '../lib/keys.ts';
import type { QuestionItem } from '../lib/model.ts';

/**
 * Moves ctx.stash.question along draft → open → closed, as ctx.stash.transition
 * ({ from, to, verb }) says, if no one else moved it in the meantime.
 */
export function request(ctx: Context) {
  const question = ctx.stash.question as QuestionItem;
  const { from, to, verb } = ctx.stash.transition as { from: string; to: string; verb: string };
  if (question.state !== from) util.error(`Question ${question.id} cannot be ${verb}: it is ${question.state.toLowerCase()}`, 'InvalidState');
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(questionKey(question.eventId, question.id)),
    update: {
      expression: 'SET #state = :to, #updatedAt = :now',
      expressionNames: { '#state': 'state', '#updatedAt': 'updatedAt' },
      expressionValues: util.dynamodb.toMapValues({ ':to': to, ':now': util.time.nowISO8601() }),
    },
    condition: {
      expression: '#state = :from',
      expressionNames: { '#state': 'state' },
      expressionValues: util.dynamodb.toMapValues({ ':from': from }),
    },
  };
}

export function response(ctx: Context) {
  if (isConditionFailure(ctx.error)) util.error(`Question ${ctx.stash.question.id} changed meanwhile: look again and retry`, 'ConcurrentChange');
  raiseDataSourceError(ctx.error);
  ctx.stash.question = ctx.result;
  return ctx.result;
}
