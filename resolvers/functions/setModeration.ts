import { util, type Context } from '@aws-appsync/utils';
import type { MutationModerateEntryArgs } from '../generated/schema.ts';
import type { EntryItem } from '../lib/entries.ts';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { entryKey } from '../lib/keys.ts';

/**
 * Sets the entry's status and/or pin (ctx.stash.entry, this round's). Only these
 * two attributes are written, so upvotes counted meanwhile are not overwritten.
 */
export function request(ctx: Context<MutationModerateEntryArgs>) {
  const entry = ctx.stash.entry as EntryItem;
  const { status, pinned } = ctx.args;
  const sets = ['#updatedAt = :now'];
  const names: Record<string, string> = { '#updatedAt': 'updatedAt', '#pk': 'pk' };
  const values: Record<string, unknown> = { ':now': util.time.nowISO8601() };
  if (status !== undefined && status !== null) {
    sets.push('#status = :status');
    names['#status'] = 'status';
    values[':status'] = status;
  }
  if (pinned !== undefined && pinned !== null) {
    sets.push('#pinned = :pinned');
    names['#pinned'] = 'pinned';
    values[':pinned'] = pinned;
  }
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(entryKey(entry.eventId, entry.questionId, entry.id)),
    update: { expression: `SET ${sets.join(', ')}`, expressionNames: names, expressionValues: util.dynamodb.toMapValues(values) },
    condition: { expression: 'attribute_exists(#pk)' },
  };
}

export function response(ctx: Context) {
  if (isConditionFailure(ctx.error)) util.error(`This question has no entry ${ctx.stash.entry.id}`, 'NotFound');
  raiseDataSourceError(ctx.error);
  ctx.stash.entry = ctx.result;
  return ctx.result;
}
