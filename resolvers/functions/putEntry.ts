import { util, type Context } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
import type { MutationAskQuestionArgs } from '../generated/schema.ts';
import { raiseDataSourceError } from '../lib/errors.ts';
import { entryKey } from '../lib/keys.ts';

/**
 * Writes a new Q&A entry of ctx.stash.question, with the text and author the
 * resolver checked (ctx.stash.text, ctx.stash.author): waiting for approval when
 * the question is moderated, shown at once otherwise. Its upvotes start at zero
 * with an empty `inflight` map, which counting upvotes relies on.
 */
export function request(ctx: Context<MutationAskQuestionArgs>) {
  const question = ctx.stash.question;
  if (question.type !== 'QA') util.error('This question takes no Q&A entries', 'BadRequest');
  if (question.state !== 'OPEN') {
    util.error(question.state === 'CLOSED' ? 'This question is closed' : 'This question is not open yet', 'QuestionNotOpen');
  }
  // ULIDs sort by time: entries asked in the same millisecond still order.
  const id = util.autoUlid();
  const now = util.time.nowISO8601();
  const key = entryKey(question.eventId, question.id, id);
  return ddb.put({
    key,
    item: {
      ...key,
      id,
      eventId: question.eventId,
      questionId: question.id,
      round: question.round,
      participantId: ctx.args.participantId,
      text: ctx.stash.text,
      author: ctx.stash.author,
      status: question.moderated ? 'PENDING' : 'APPROVED',
      pinned: false,
      upvotes: 0,
      inflight: {},
      createdAt: now,
      updatedAt: now,
    },
    condition: { pk: { attributeExists: false } },
  });
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  ctx.stash.entry = ctx.result;
  return ctx.result;
}
