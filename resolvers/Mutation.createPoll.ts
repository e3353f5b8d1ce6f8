import { util, type Context } from '@aws-appsync/utils';
import type { MutationCreatePollArgs } from './generated/schema.ts';

// Pipeline: reserveCode → putPoll → createTally. The poll starts as a draft.
export function request(ctx: Context<MutationCreatePollArgs>) {
  const title = ctx.args.input.title.trim();
  const labels = ctx.args.input.options.map((label) => label.trim());
  if (title.length === 0) util.error('A poll needs a title', 'BadRequest');
  if (title.length > 200) util.error('A poll title has at most 200 characters', 'BadRequest');
  if (labels.length < 2 || labels.length > 10) util.error('A poll has 2 to 10 options', 'BadRequest');
  if (labels.some((label) => label.length === 0)) util.error('Every option needs a label', 'BadRequest');
  if (labels.some((label) => label.length > 80)) util.error('An option label has at most 80 characters', 'BadRequest');
  ctx.stash.pollId = util.autoId();
  ctx.stash.title = title;
  ctx.stash.labels = labels;
  return {};
}

export function response(ctx: Context<MutationCreatePollArgs>) {
  return ctx.stash.poll;
}
