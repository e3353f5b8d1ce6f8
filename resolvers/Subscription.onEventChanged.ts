import type { Context } from '@aws-appsync/utils';
import type { SubscriptionOnEventChangedArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';

// At subscribe time: a bounded id. Changes match on the event's id (the argument's basic filter).
export function request(ctx: Context<SubscriptionOnEventChangedArgs>) {
  checkId('event id', ctx.args.id);
  return { payload: null };
}

export function response() {
  return null;
}
