import { extensions, util, type Context } from '@aws-appsync/utils';
import type { SubscriptionOnEntryChangedArgs } from './generated/schema.ts';
import { PUBLIC_STATUSES } from './lib/entries.ts';
import { checkId } from './lib/bounds.ts';
import { isOrganizer } from './lib/visibility.ts';

// Pipeline, at subscribe time: loadAnswerContext. Organizers get every change of the
// question's entries (new ones waiting for approval too); the audience only
// entries in a public status, so a pending or hidden entry never reaches a phone.
export function request(ctx: Context<SubscriptionOnEntryChangedArgs>) {
  checkId('event id', ctx.args.eventId);
  checkId('question id', ctx.args.questionId);
  ctx.stash.eventId = ctx.args.eventId;
  ctx.stash.questionId = ctx.args.questionId;
  return {};
}

export function response(ctx: Context<SubscriptionOnEntryChangedArgs>) {
  const { question } = ctx.stash;
  if (question.type !== 'QA') util.error('This question takes no Q&A entries', 'BadRequest');
  const filter: Record<string, unknown> = { eventId: { eq: question.eventId }, questionId: { eq: question.id } };
  if (!isOrganizer(ctx.identity)) filter.status = { in: PUBLIC_STATUSES };
  extensions.setSubscriptionFilter(util.transform.toSubscriptionFilter(filter));
  return null;
}
