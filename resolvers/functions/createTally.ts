import { runtime, util, type Context } from '@aws-appsync/utils';
import { raiseDataSourceError } from '../lib/errors.ts';
import { handsUpTable, tallyKeys, votesAttribute } from '../lib/keys.ts';
import type { QuestionItem } from '../lib/model.ts';

/**
 * Writes the tally shards of the round ctx.stash.question has just opened, every
 * counter at zero and an empty `inflight` map, which addToTally relies on. Only
 * an opening writes them: a question opens once per round.
 */
export function request(ctx: Context) {
  const question = ctx.stash.question as QuestionItem;
  if (question.state !== 'OPEN') runtime.earlyReturn(question);
  const items = tallyKeys(question.eventId, question.id, question.round).map((key) => {
    const item: Record<string, unknown> = { ...key, eventId: question.eventId, questionId: question.id, round: question.round, voters: 0, inflight: {} };
    for (const option of question.options) item[votesAttribute(option.id)] = 0;
    return util.dynamodb.toMapValues(item);
  });
  return { operation: 'BatchPutItem', tables: { [handsUpTable(ctx)]: items } };
}

export function response(ctx: Context) {
  raiseDataSourceError(ctx.error);
  const unprocessed = ctx.result.unprocessedItems?.[handsUpTable(ctx)] ?? [];
  if (unprocessed.length) util.error("The question's tally could not be prepared: please try again", 'Throttled');
  return ctx.stash.question;
}
