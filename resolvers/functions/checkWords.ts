import { util, type Context } from '@aws-appsync/utils';
import type { MutationSubmitWordsArgs } from '../generated/schema.ts';
import { badRequest } from '../lib/errors.ts';
import type { AnswerItem, QuestionItem } from '../lib/model.ts';

const sameWords = (a: string[], b: string[]) => a.length === b.length && a.every((word) => b.indexOf(word) >= 0);

/**
 * Decides what submitWords does before anything is written (NONE data source),
 * as checkVote does for votes, and stashes the answer to count as
 * ctx.stash.counting ({ seq, optionIds: [], words, prev }, prev being the words it
 * replaces) for recordAnswer, addToTally, markCounted and clearInflight.
 * The words were normalised by the resolver (ctx.stash.words).
 */
export function request(ctx: Context<MutationSubmitWordsArgs>) {
  const question = ctx.stash.question as QuestionItem;
  const answer = ctx.stash.answer as AnswerItem | null;
  const words = ctx.stash.words as string[];
  if (question.type !== 'WORD_CLOUD') badRequest(question.type === 'QA' ? 'This question takes questions, not words' : 'This question takes votes, not words');

  const thisRound = answer && answer.round === question.round ? answer : null;
  const notOpen = () =>
    util.error(question.state === 'CLOSED' ? 'This question is closed' : 'This question is not open for answers yet', 'QuestionNotOpen');
  const counting = (seq: number, counted: string[], prev: string[]) => ({ seq, optionIds: [], words: counted, prev });
  ctx.stash.done = false;
  ctx.stash.resume = false;
  if (!thisRound) {
    if (question.state !== 'OPEN') notOpen();
    ctx.stash.counting = counting(1, words, []);
  } else if (!thisRound.counted) {
    // Finish the recorded answer first: the shard never saw it, so nothing can replace it yet.
    ctx.stash.resume = true;
    ctx.stash.counting = counting(thisRound.seq, thisRound.words ?? [], thisRound.prev);
    if (!sameWords(thisRound.words ?? [], words)) {
      ctx.stash.refusal = question.allowChange
        ? { message: 'Your earlier words were still being counted; they are now: send your change again', type: 'ConcurrentChange' }
        : { message: 'You have already answered this question', type: 'AlreadyVoted' };
    }
  } else if (sameWords(thisRound.words ?? [], words)) {
    ctx.stash.done = true;
    ctx.stash.counting = counting(thisRound.seq, thisRound.words ?? [], thisRound.prev);
  } else {
    if (!question.allowChange) util.error('You have already answered this question', 'AlreadyVoted');
    if (question.state !== 'OPEN') notOpen();
    ctx.stash.counting = counting(thisRound.seq + 1, words, thisRound.words ?? []);
  }
  return { payload: null };
}

export function response() {
  return null;
}
