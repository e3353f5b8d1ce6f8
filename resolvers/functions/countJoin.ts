import { util, type Context } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors.ts';
import { statsKey } from '../lib/keys.ts';

/**
 * Counts the join on the event's STATS item (ADD makes it on the first join). One item
 * takes every join: joins come at human speed (a room scanning a QR code), far below
 * a partition's ~1,000 writes/s.
 */
export function request(ctx: Context) {
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(statsKey(ctx.stash.event.id)),
    update: { expression: 'ADD #joined :one', expressionNames: { '#joined': 'joined' }, expressionValues: util.dynamodb.toMapValues({ ':one': 1 }) },
  };
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  return ctx.stash.participant;
}
