import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { eventKey } from '../lib/keys.ts';

/** Deletes ctx.stash.event. Its questions, participants and tallies stay behind, unreachable (see README). */
export function request(ctx: Context) {
  return ddb.remove({ key: eventKey(ctx.stash.event.id) });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  return ctx.stash.event;
}
