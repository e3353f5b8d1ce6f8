import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import type { MutationUpvoteArgs } from '../generated/schema.ts';
import { raiseDataSourceError } from '../lib/errors.ts';
import { upvoteKey } from '../lib/keys.ts';

/** Loads the participant's upvote of the entry (on, seq, counted), or null, into ctx.stash.upvote. */
export function request(ctx: Context<MutationUpvoteArgs>) {
  const { eventId, questionId, entryId, participantId } = ctx.args;
  return ddb.get({ key: upvoteKey(eventId, questionId, entryId, participantId), consistentRead: true });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  ctx.stash.upvote = ctx.result ?? null;
  return ctx.stash.upvote;
}
