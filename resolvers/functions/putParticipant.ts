import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { participantKey } from '../lib/keys.ts';

/** Makes a participant of ctx.stash.event, with an id only the server mints. */
export function request(ctx: Context) {
  const participantId = util.autoId();
  const eventId = ctx.stash.event.id;
  const key = participantKey(eventId, participantId);
  return ddb.put({
    key,
    item: { ...key, participantId, eventId, joinedAt: util.time.nowISO8601() },
    condition: { pk: { attributeExists: false } },
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  ctx.stash.participant = { participantId: ctx.result.participantId, eventId: ctx.result.eventId };
  return ctx.stash.participant;
}
