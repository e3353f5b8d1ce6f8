import { util, type Context } from '@aws-appsync/utils';
import type { MutationCastVoteArgs } from '../generated/schema.ts';
import { badRequest } from '../lib/errors.ts';
import type { AnswerItem, QuestionItem } from '../lib/model.ts';

const sameChoices = (a: string[], b: string[]) => a.length === b.length && a.every((id) => b.indexOf(id) >= 0);

/**
 * Decides what castVote does before anything is written (NONE data source), and
 * stashes the answer to count as ctx.stash.counting ({ seq, optionIds, prev }):
 * - a first answer this round: seq 1, only while the question is open;
 * - a change (allowChange, still open): seq + 1, the old choices in prev;
 * - a repeat of the answer as recorded: done (counted) or resumed (not counted yet),
 *   so a client may send again an answer whose reply it never got;
 * - an answer recorded but not counted, and a different one now: the recorded one
 *   is finished first, then the new one is refused (ctx.stash.refusal) — it was
 *   never seen by the shard, so it cannot replace what is not counted yet.
 */
export function request(ctx: Context<MutationCastVoteArgs>) {
  const question = ctx.stash.question as QuestionItem;
  const answer = ctx.stash.answer as AnswerItem | null;
  const { optionIds } = ctx.args;
  if (question.type !== 'MULTIPLE_CHOICE' && question.type !== 'RATING') {
    badRequest(question.type === 'WORD_CLOUD' ? 'This question takes words, not votes' : 'This question takes questions, not votes');
  }
  if (optionIds.length === 0) badRequest('Choose an option');
  if (optionIds.length > question.maxChoices) badRequest(`Choose at most ${question.maxChoices} option${question.maxChoices === 1 ? '' : 's'}`);
  if (optionIds.some((id, index) => optionIds.indexOf(id) !== index)) badRequest('An option is chosen twice');
  const unknown = optionIds.find((id) => !question.options.some((option) => option.id === id));
  if (unknown) badRequest(`Question ${question.id} has no option ${unknown}`);

  const thisRound = answer && answer.round === question.round ? answer : null;
  const notOpen = () =>
    util.error(question.state === 'CLOSED' ? 'This question is closed' : 'This question is not open for answers yet', 'QuestionNotOpen');
  ctx.stash.done = false;
  ctx.stash.resume = false;
  if (!thisRound) {
    if (question.state !== 'OPEN') notOpen();
    ctx.stash.counting = { seq: 1, optionIds, prev: [] };
  } else if (!thisRound.counted) {
    ctx.stash.resume = true;
    ctx.stash.counting = { seq: thisRound.seq, optionIds: thisRound.optionIds, prev: thisRound.prev };
    if (!sameChoices(thisRound.optionIds, optionIds)) {
      ctx.stash.refusal = question.allowChange
        ? { message: 'Your earlier answer was still being counted; it is now: send your change again', type: 'ConcurrentChange' }
        : { message: 'You have already answered this question', type: 'AlreadyVoted' };
    }
  } else if (sameChoices(thisRound.optionIds, optionIds)) {
    ctx.stash.done = true;
    ctx.stash.counting = { seq: thisRound.seq, optionIds: thisRound.optionIds, prev: thisRound.prev };
  } else {
    if (!question.allowChange) util.error('You have already answered this question', 'AlreadyVoted');
    if (question.state !== 'OPEN') notOpen();
    ctx.stash.counting = { seq: thisRound.seq + 1, optionIds, prev: thisRound.optionIds };
  }
  return { payload: null };
}

export function response() {
  return null;
}
