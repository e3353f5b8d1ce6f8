import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { eventKey } from '../lib/keys.ts';

/** Writes the new event (ctx.stash.eventItem) under the code reserveCode claimed. */
export function request(ctx: Context) {
  const key = eventKey(ctx.stash.eventItem.id);
  return ddb.put({ key, item: { ...ctx.stash.eventItem, ...key, type: 'EVENT', code: ctx.stash.code }, condition: { pk: { attributeExists: false } } });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  ctx.stash.event = ctx.result;
  return ctx.result;
}
