import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { raiseDataSourceError } from '../lib/errors.ts';
import { entryKey } from '../lib/keys.ts';
import type { EntryItem } from '../lib/entries.ts';

/**
 * Loads the Q&A entry ctx.args.entryId of ctx.stash.question (this round's) into
 * ctx.stash.entry; an unknown entry ends the request.
 */
export function request(ctx: Context<{ eventId: string; questionId: string; entryId: string }>) {
  const { eventId, questionId, entryId } = ctx.args;
  return ddb.get({ key: entryKey(eventId, questionId, entryId), consistentRead: true });
}

export function response(ctx: Context<{ entryId: string }>) {
  raiseDataSourceError(ctx.error);
  const entry = ctx.result as EntryItem | null;
  if (!entry || entry.round !== ctx.stash.question.round) util.error(`This question has no entry ${ctx.args.entryId}`, 'NotFound');
  ctx.stash.entry = entry;
  return entry;
}
