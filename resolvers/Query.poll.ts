import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import type { QueryPollArgs } from './generated/schema.ts';
import { raiseDataSourceError } from './lib/errors.ts';
import { pollKey } from './lib/keys.ts';

export function request(ctx: Context<QueryPollArgs>) {
  return ddb.get({ key: pollKey(ctx.args.id) });
}

export function response(ctx: Context<QueryPollArgs>) {
  raiseDataSourceError(ctx.error);
  return ctx.result ?? null;
}
