import { runtime, util, type Context } from '@aws-appsync/utils';
import type { MutationUpvoteArgs } from '../generated/schema.ts';
import { isPublic, type EntryItem, type UpvoteItem } from '../lib/entries.ts';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { upvoteKey } from '../lib/keys.ts';

/**
 * Decides what upvote does, then writes step 1 of counting it exactly once (the
 * pattern of answers, see checkVote and recordAnswer) and stashes the change to
 * count as ctx.stash.upvoteChange ({ seq, delta }):
 * - a first upvote, or a change of a counted one: seq + 1, delta ±1, written on
 *   the participant's upvote item conditional on the one before being seq n-1 and counted;
 * - a repeat of the upvote as recorded: nothing (counted) or resumed (not counted yet);
 * - withdrawing an upvote never given: nothing;
 * - a recorded upvote not yet counted, and a different one now: the recorded one is
 *   finished first, then the new one is refused (ctx.stash.refusal).
 */
export function request(ctx: Context<MutationUpvoteArgs>) {
  const question = ctx.stash.question;
  const entry = ctx.stash.entry as EntryItem;
  const stored = ctx.stash.upvote as UpvoteItem | null;
  const { participantId, on } = ctx.args;
  if (!isPublic(entry)) util.error(`This question has no entry ${entry.id}`, 'NotFound');
  if (stored && (stored.on === on || !stored.counted)) {
    if (stored.counted) runtime.earlyReturn(null);
    ctx.stash.upvoteChange = { seq: stored.seq, delta: stored.delta };
    if (stored.on !== on) ctx.stash.refusal = { message: 'Your earlier upvote was still being counted; it is now: try again', type: 'ConcurrentChange' };
    runtime.earlyReturn(null);
  }
  if (!stored && !on) runtime.earlyReturn(null);
  if (question.state !== 'OPEN') {
    util.error(question.state === 'CLOSED' ? 'This question is closed' : 'This question is not open yet', 'QuestionNotOpen');
  }
  const seq = stored ? stored.seq + 1 : 1;
  const delta = on ? 1 : -1;
  ctx.stash.upvoteChange = { seq, delta };
  const key = upvoteKey(entry.eventId, entry.questionId, entry.id, participantId);
  return {
    operation: 'PutItem',
    key: util.dynamodb.toMapValues(key),
    attributeValues: util.dynamodb.toMapValues({ participantId, entryId: entry.id, on, delta, seq, counted: false, updatedAt: util.time.nowISO8601() }),
    condition: stored
      ? {
          expression: '#seq = :before AND #counted = :true',
          expressionNames: { '#seq': 'seq', '#counted': 'counted' },
          expressionValues: util.dynamodb.toMapValues({ ':before': stored.seq, ':true': true }),
        }
      : { expression: 'attribute_not_exists(#pk)', expressionNames: { '#pk': 'pk' } },
  };
}

export function response(ctx: Context) {
  // Another request of this participant's changed the upvote between our read and write.
  if (isConditionFailure(ctx.error)) util.error('Your upvote changed meanwhile (another tab?): look again', 'ConcurrentChange');
  raiseDataSourceError(ctx.error);
  return null;
}
