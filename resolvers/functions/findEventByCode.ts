import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { codeKey } from '../lib/keys.ts';

/** Turns ctx.stash.code into ctx.stash.eventId; an unknown code ends the request. */
export function request(ctx: Context) {
  return ddb.get({ key: codeKey(ctx.stash.code) });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  if (!ctx.result) util.error(`No event has the code ${ctx.stash.code}`, 'NotFound');
  ctx.stash.eventId = ctx.result.eventId;
  return ctx.result;
}
