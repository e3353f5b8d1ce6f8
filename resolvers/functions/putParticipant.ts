import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { participantKey } from '../lib/keys.ts';

/** Makes a participant of ctx.stash.poll, with an id only the server mints. */
export function request(ctx: Context) {
  const participantId = util.autoId();
  const pollId = ctx.stash.poll.id;
  const key = participantKey(pollId, participantId);
  return ddb.put({
    key,
    item: { ...key, participantId, pollId, joinedAt: util.time.nowISO8601() },
    condition: { pk: { attributeExists: false } },
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  return { participantId: ctx.result.participantId, pollId: ctx.result.pollId, choice: null };
}
