import type { Context } from '@aws-appsync/utils';
import type { SubscriptionOnQuestionChangedArgs } from './generated/schema.ts';
import { checkId } from './lib/bounds.ts';

// At subscribe time: a bounded id. Changes match on the question's eventId (the argument's basic filter).
export function request(ctx: Context<SubscriptionOnQuestionChangedArgs>) {
  checkId('event id', ctx.args.eventId);
  return { payload: null };
}

export function response() {
  return null;
}
