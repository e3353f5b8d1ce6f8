import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import type { Poll } from '../generated/schema.ts';
import { raiseDataSourceError } from '../lib/errors.ts';
import { pollKey } from '../lib/keys.ts';

type Args = { pollId: string; optionId?: string };

/** Loads the poll into the stash; refuses an unknown poll, and an option the poll does not have. */
export function request(ctx: Context<Args>) {
  return ddb.get({ key: pollKey(ctx.args.pollId), consistentRead: true });
}

export function response(ctx: Context<Args>) {
  raiseDataSourceError(ctx.error);
  const poll = ctx.result as Poll | null;
  if (!poll) util.error(`Poll ${ctx.args.pollId} does not exist`, 'NotFound');
  const optionId = ctx.args.optionId;
  if (optionId && !poll.options.some((option) => option.id === optionId)) {
    util.error(`Poll ${poll.id} has no option ${optionId}`, 'BadRequest');
  }
  ctx.stash.poll = poll;
  return poll;
}
