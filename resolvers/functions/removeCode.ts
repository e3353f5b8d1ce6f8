import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { codeKey } from '../lib/keys.ts';

/** Frees the deleted event's short code: it no longer opens anything. */
export function request(ctx: Context) {
  return ddb.remove({ key: codeKey(ctx.stash.event.code) });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  return ctx.stash.event;
}
