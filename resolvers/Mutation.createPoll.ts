import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import type { MutationCreatePollArgs } from './generated/schema.ts';
import { raiseDataSourceError } from './lib/errors.ts';
import { pollKey } from './lib/keys.ts';

export function request(ctx: Context<MutationCreatePollArgs>) {
  const title = ctx.args.input.title.trim();
  const labels = ctx.args.input.options.map((label) => label.trim());
  if (title.length === 0) util.error('A poll needs a title', 'BadRequest');
  if (labels.length < 2 || labels.length > 10) util.error('A poll has 2 to 10 options', 'BadRequest');
  if (labels.some((label) => label.length === 0)) util.error('Every option needs a label', 'BadRequest');

  const id = util.autoId();
  const key = pollKey(id);
  const item = {
    ...key,
    type: 'POLL',
    id,
    title,
    options: labels.map((label, index) => ({ id: `o${index + 1}`, label })),
    createdAt: util.time.nowISO8601(),
  };
  return ddb.put({ key, item, condition: { pk: { attributeExists: false } } });
}

export function response(ctx: Context<MutationCreatePollArgs>) {
  raiseDataSourceError(ctx.error);
  return ctx.result;
}
