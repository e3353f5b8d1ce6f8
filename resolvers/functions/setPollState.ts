import { util, type Context } from '@aws-appsync/utils';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { pollKey } from '../lib/keys.ts';
import type { PollItem } from '../lib/model.ts';

/**
 * Moves ctx.stash.poll along draft → open → closed, as ctx.stash.transition
 * ({ from, to, verb }) says, if no one else moved it in the meantime.
 */
export function request(ctx: Context) {
  const poll = ctx.stash.poll as PollItem;
  const { from, to, verb } = ctx.stash.transition as { from: string; to: string; verb: string };
  if (poll.state !== from) util.error(`Poll ${poll.id} cannot be ${verb}: it is ${poll.state.toLowerCase()}`, 'InvalidState');
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(pollKey(poll.id)),
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
  if (isConditionFailure(ctx.error)) util.error(`Poll ${ctx.stash.poll.id} changed meanwhile: look again and retry`, 'ConcurrentChange');
  raiseDataSourceError(ctx.error);
  ctx.stash.poll = ctx.result;
  return ctx.result;
}
