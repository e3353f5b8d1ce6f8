import { runtime, util, type Context } from '@aws-appsync/utils';
import type { MutationUpvoteArgs } from '../generated/schema.ts';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { entryKey } from '../lib/keys.ts';

/**
 * Step 4: drops the participant's note from the entry once the change is marked
 * counted (only if the note is still this change's), so entries stay small.
 * Answers the entry as it is now.
 */
export function request(ctx: Context<MutationUpvoteArgs>) {
  const change = ctx.stash.upvoteChange as { seq: number } | undefined;
  if (!change) runtime.earlyReturn(null);
  const { eventId, questionId, entryId, participantId } = ctx.args;
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(entryKey(eventId, questionId, entryId)),
    update: { expression: 'REMOVE #inflight.#participant', expressionNames: { '#inflight': 'inflight', '#participant': participantId } },
    condition: {
      expression: '#inflight.#participant = :seq',
      expressionNames: { '#inflight': 'inflight', '#participant': participantId },
      expressionValues: util.dynamodb.toMapValues({ ':seq': change!.seq }),
    },
  };
}

export function response(ctx: Context) {
  if (isConditionFailure(ctx.error)) return null; // a later change owns the note now
  raiseDataSourceError(ctx.error);
  if (ctx.result) ctx.stash.entry = ctx.result;
  return ctx.result;
}
