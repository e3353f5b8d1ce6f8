import type { Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from './lib/errors.ts';

/** Events through the byType index, newest first. */
export function request() {
  return ddb.query({
    index: 'byType',
    query: { type: { eq: 'EVENT' } },
    scanIndexForward: false,
    limit: 100,
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  return ctx.result.items;
}
