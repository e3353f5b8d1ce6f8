import { runtime, util, type Context } from '@aws-appsync/utils';
import type { MutationCastVoteArgs } from '../generated/schema.ts';
import { isConditionFailure, raiseDataSourceError } from '../lib/errors.ts';
import { shardOf, tallyKey, votesAttribute, wordAttribute } from '../lib/keys.ts';
import type { QuestionItem } from '../lib/model.ts';

/**
 * Step 2: counts ctx.stash.counting (seq n) on the participant's tally shard — its
 * choices up, the choices it replaces down, `voters` up for a first answer — and
 * notes `inflight.<pid> = n` in the same atomic write, conditional on no note of
 * n or later. If the server stops before the answer is marked counted, the retry
 * finds that note and does not count the answer twice (the condition fails instead).
 */
export function request(ctx: Context<MutationCastVoteArgs>) {
  if (ctx.stash.done) runtime.earlyReturn(null);
  const question = ctx.stash.question as QuestionItem;
  const { participantId } = ctx.args;
  const counting = ctx.stash.counting as { seq: number; optionIds: string[]; words?: string[]; prev: string[] };
  // A word cloud counts words (prev: the words replaced) exactly as options are counted.
  const cloud = question.type === 'WORD_CLOUD';
  const counted = cloud ? (counting.words ?? []) : counting.optionIds;
  const attribute = (id: string) => (cloud ? wordAttribute(id) : votesAttribute(id));
  // An option both before and after a change does not move (and one path may appear once in an update).
  const up = counted.filter((id) => counting.prev.indexOf(id) < 0);
  const down = counting.prev.filter((id) => counted.indexOf(id) < 0);
  const names: Record<string, string> = { '#pk': 'pk', '#inflight': 'inflight', '#participant': participantId };
  const adds = [
    ...up.map((id, index) => {
      names[`#up${index}`] = attribute(id);
      return `#up${index} :one`;
    }),
    ...down.map((id, index) => {
      names[`#down${index}`] = attribute(id);
      return `#down${index} :minus`;
    }),
  ];
  if (counting.seq === 1) {
    names['#voters'] = 'voters';
    adds.push('#voters :one');
  }
  const values: Record<string, number> = { ':seq': counting.seq };
  if (up.length || counting.seq === 1) values[':one'] = 1;
  if (down.length) values[':minus'] = -1;
  return {
    operation: 'UpdateItem',
    key: util.dynamodb.toMapValues(tallyKey(question.eventId, question.id, question.round, shardOf(participantId))),
    update: {
      expression: `${adds.length ? `ADD ${adds.join(', ')} ` : ''}SET #inflight.#participant = :seq`,
      expressionNames: names,
      expressionValues: util.dynamodb.toMapValues(values),
    },
    condition: { expression: 'attribute_exists(#pk) AND (attribute_not_exists(#inflight.#participant) OR #inflight.#participant < :seq)' },
  };
}

export function response(ctx: Context) {
  // Resuming an interrupted answer: the shard had already counted it.
  if (ctx.stash.resume && isConditionFailure(ctx.error)) return null;
  if (isConditionFailure(ctx.error)) util.error('This question is not ready for answers yet: please try again', 'QuestionNotOpen');
  raiseDataSourceError(ctx.error);
  return null;
}
