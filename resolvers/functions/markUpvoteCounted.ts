import { runtime, util, type Context } from '@aws-appsync/utils';
import type { MutationUpvoteArgs } from '../generated/schema.ts';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { upvoteKey } from '../lib/keys.ts';

/** Step 3: marks the change counted, if it is still the participant's latest; a repeat is answered from now on. */
export function request(ctx: Context<MutationUpvoteArgs>) {
  const change = ctx.stash.upvoteChange as { seq: number } | undefined;
  if (!change) runtime.earlyReturn(null);
  const { eventId, questionId, entryId, participantId } = ctx.args;
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(upvoteKey(eventId, questionId, entryId, participantId)),
    update: { expression: 'SET #counted = :true', expressionNames: { '#counted': 'counted' }, expressionValues: util.dynamodb.toMapValues({ ':true': true }) },
    condition: { expression: '#seq = :seq', expressionNames: { '#seq': 'seq' }, expressionValues: util.dynamodb.toMapValues({ ':seq': change!.seq }) },
  };
}

export function response(ctx: Context) {
  if (isConditionFailure(ctx.error)) return null; // a later change of the same participant took over
  raiseDataSourceError(ctx.error);
  return null;
}
