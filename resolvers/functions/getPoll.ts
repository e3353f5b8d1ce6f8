import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { pollKey } from '../lib/keys.ts';
import type { PollItem } from '../lib/model.ts';

/** Loads ctx.stash.pollId's poll into ctx.stash.poll; an unknown poll ends the request. */
export function request(ctx: Context) {
  return ddb.get({ key: pollKey(ctx.stash.pollId), consistentRead: true });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  const poll = ctx.result as PollItem | null;
  if (!poll) util.error(`Poll ${ctx.stash.pollId} does not exist`, 'NotFound');
  ctx.stash.poll = poll;
  return poll;
}
