import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import type { MutationCreatePollArgs } from '../generated/schema.ts';
import { raiseDataSourceError } from '../lib/errors.ts';
import { pollKey } from '../lib/keys.ts';

/** Writes the new poll, a draft in round 1, under the id and code the earlier steps chose. */
export function request(ctx: Context<MutationCreatePollArgs>) {
  const { input } = ctx.args;
  const now = util.time.nowISO8601();
  const key = pollKey(ctx.stash.pollId);
  const item = {
    ...key,
    type: 'POLL',
    id: ctx.stash.pollId,
    code: ctx.stash.code,
    title: ctx.stash.title,
    options: ctx.stash.labels.map((label: string, index: number) => ({ id: `o${index + 1}`, label })),
    state: 'DRAFT',
    resultsVisibility: input.resultsVisibility ?? 'ALWAYS',
    round: 1,
    createdAt: now,
    updatedAt: now,
  };
  return ddb.put({ key, item, condition: { pk: { attributeExists: false } } });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  ctx.stash.poll = ctx.result;
  return ctx.result;
}
