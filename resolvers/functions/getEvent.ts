import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { eventKey } from '../lib/keys.ts';
import type { EventItem } from '../lib/model.ts';

/** Loads ctx.stash.eventId's event into ctx.stash.event; an unknown event ends the request. */
export function request(ctx: Context) {
  return ddb.get({ key: eventKey(ctx.stash.eventId), consistentRead: true });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  const event = ctx.result as EventItem | null;
  if (!event) util.error(`Event ${ctx.stash.eventId} does not exist`, 'NotFound');
  ctx.stash.event = event;
  return event;
}
