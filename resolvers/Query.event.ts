import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import type { QueryEventArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';
import { raiseDataSourceError } from './lib/errors.ts';
import { eventKey } from './lib/keys.ts';

export function request(ctx: Context<QueryEventArgs>) {
  checkId('event id', ctx.args.id);
  return ddb.get({ key: eventKey(ctx.args.id) });
}

export function response(ctx: Context<QueryEventArgs>) {
  raiseDataSourceError(ctx.error);
  return ctx.result ?? null;
}
