import { runtime, util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { participantKey } from '../lib/keys.ts';

/**
 * Loads ctx.stash.participantId's participant (and ballot) into ctx.stash.participant.
 * Without a participant id it does nothing; with one nobody was given, the request ends.
 */
export function request(ctx: Context) {
  if (!ctx.stash.participantId) runtime.earlyReturn(null);
  return ddb.get({ key: participantKey(ctx.stash.pollId, ctx.stash.participantId), consistentRead: true });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  if (!ctx.result) util.error('This device has not joined the poll: open it again from its code or link', 'NotParticipant');
  ctx.stash.participant = ctx.result;
  return ctx.result;
}
