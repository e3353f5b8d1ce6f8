import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { codeKey } from '../lib/keys.ts';

// No 0/O, 1/I/L: a code is read off a screen and typed on a phone.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const SIX = [1, 2, 3, 4, 5, 6];

/** Claims a fresh short code for the event being created (ctx.stash.eventItem). */
export function request(ctx: Context) {
  let code = '';
  for (const _ of SIX) code += ALPHABET.charAt(Math.floor(Math.random() * ALPHABET.length));
  ctx.stash.code = code;
  const key = codeKey(code);
  return ddb.put({
    key,
    item: { ...key, eventId: ctx.stash.eventItem.id, createdAt: util.time.nowISO8601() },
    condition: { pk: { attributeExists: false } },
  });
}

export function response(ctx: Context) {
  // One chance in ~10^9 per existing event: the organizer just tries again.
  if (isConditionFailure(ctx.error)) util.error('That event code was taken a moment ago: please try again', 'CodeTaken');
  raiseDataSourceError(ctx.error);
  return ctx.stash.code;
}
