import { runtime, util, type Context } from '@aws-appsync/utils';
import type { MutationUpvoteArgs } from '../generated/schema.ts';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { entryKey } from '../lib/keys.ts';

/**
 * Step 2: adds the change's ±1 to the entry's upvotes and notes its seq in the
 * entry's `inflight` map in the same atomic write, unless the note says this
 * change (or a later one) was already counted — then the condition fails and the
 * count is left alone, which is what a retry after a crash needs.
 */
export function request(ctx: Context<MutationUpvoteArgs>) {
  const change = ctx.stash.upvoteChange as { seq: number; delta: number } | undefined;
  if (!change) runtime.earlyReturn(null);
  const { eventId, questionId, entryId, participantId } = ctx.args;
  const names = { '#inflight': 'inflight', '#participant': participantId };
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(entryKey(eventId, questionId, entryId)),
    update: {
      expression: 'ADD #upvotes :delta SET #inflight.#participant = :seq',
      expressionNames: { ...names, '#upvotes': 'upvotes' },
      expressionValues: util.dynamodb.toMapValues({ ':delta': change!.delta, ':seq': change!.seq }),
    },
    condition: {
      expression: 'attribute_exists(#pk) AND (attribute_not_exists(#inflight.#participant) OR #inflight.#participant < :seq)',
      expressionNames: { ...names, '#pk': 'pk' },
      expressionValues: util.dynamodb.toMapValues({ ':seq': change!.seq }),
    },
  };
}

export function response(ctx: Context) {
  if (isConditionFailure(ctx.error)) return null; // counted already, before a crash or by a concurrent repeat
  raiseDataSourceError(ctx.error);
  if (ctx.result) ctx.stash.entry = ctx.result;
  return ctx.result;
}
