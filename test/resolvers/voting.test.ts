// Mutation.castVote's pipeline, function by function: the rules of one answer and
// the four writes that count it exactly once, changes included.
import { describe, expect, test } from 'vitest';
import { answer, question, run } from './support.ts';

const vote = (optionIds: string[]) => ({ eventId: 'e1', questionId: 'q1', participantId: 'part-a', optionIds });
const condition = { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' };

describe('checkVote', () => {
  test('lets a first answer in an open question through as seq 1', () => {
    const output = run('functions/checkVote.ts', 'request', { arguments: vote(['o2']), stash: { question, answer: null } });
    expect(output.stashed.counting).toEqual({ seq: 1, optionIds: ['o2'], prev: [] });
  });

  test('makes a change seq + 1 with the old choices to take down', () => {
    const output = run('functions/checkVote.ts', 'request', { arguments: vote(['o3']), stash: { question, answer } });
    expect(output.stashed.counting).toEqual({ seq: 2, optionIds: ['o3'], prev: ['o1'] });
  });

  test('refuses a change when the question does not allow it', () => {
    const output = run('functions/checkVote.ts', 'request', { arguments: vote(['o3']), stash: { question: { ...question, allowChange: false }, answer } });
    expect(output.error).toEqual({ message: 'You have already answered this question' });
  });

  test('answers a repeat of a counted answer as done, so a retry is harmless', () => {
    expect(run('functions/checkVote.ts', 'request', { arguments: vote(['o1']), stash: { question, answer } }).stashed).toMatchObject({ done: true, resume: false });
  });

  test('resumes an answer written but not counted, with the choices as written', () => {
    const pending = { ...answer, seq: 2, optionIds: ['o2'], prev: ['o1'], counted: false };
    const output = run('functions/checkVote.ts', 'request', { arguments: vote(['o2']), stash: { question, answer: pending } });
    expect(output.stashed).toMatchObject({ resume: true, counting: { seq: 2, optionIds: ['o2'], prev: ['o1'] } });
    expect(output.stashed.refusal).toBeUndefined();
  });

  test('finishes a pending answer before refusing a different one', () => {
    const pending = { ...answer, counted: false };
    const output = run('functions/checkVote.ts', 'request', { arguments: vote(['o3']), stash: { question, answer: pending } });
    expect(output.stashed).toMatchObject({ resume: true, counting: { seq: 1, optionIds: ['o1'] }, refusal: { type: 'ConcurrentChange' } });
  });

  test('takes an answer of an earlier round as none', () => {
    const output = run('functions/checkVote.ts', 'request', { arguments: vote(['o2']), stash: { question: { ...question, round: 2 }, answer } });
    expect(output.stashed.counting).toEqual({ seq: 1, optionIds: ['o2'], prev: [] });
  });

  test('refuses an option the question does not have', () => {
    expect(run('functions/checkVote.ts', 'request', { arguments: vote(['o9']), stash: { question, answer: null } }).error).toEqual({ message: 'Question q1 has no option o9' });
  });

  test('refuses votes on a word cloud', () => {
    const output = run('functions/checkVote.ts', 'request', { arguments: vote(['o1']), stash: { question: { ...question, type: 'WORD_CLOUD', options: [] }, answer: null } });
    expect(output.error).toEqual({ message: 'This question takes words, not votes' });
  });
});

describe('recordAnswer (step 1)', () => {
  test('writes a first answer only if there is none this round', () => {
    const request = run('functions/recordAnswer.ts', 'request', { arguments: vote(['o2']), stash: { question, counting: { seq: 1, optionIds: ['o2'], prev: [] } } }).result;
    expect(request).toMatchObject({ operation: 'UpdateItem', key: { pk: { S: 'EVENT#e1#Q#q1' }, sk: { S: 'ANSWER#part-a' } } });
    expect(request.condition.expression).toBe('attribute_not_exists(#round) OR #round < :round');
    expect(request.update.expressionValues).toMatchObject({ ':seq': { N: 1 }, ':false': { BOOL: false }, ':shard': { N: 10 } });
  });

  test('writes a change only over the counted answer before it', () => {
    const request = run('functions/recordAnswer.ts', 'request', { arguments: vote(['o3']), stash: { question, counting: { seq: 2, optionIds: ['o3'], prev: ['o1'] } } }).result;
    expect(request.condition).toMatchObject({ expression: '#round = :round AND #seq = :before AND #counted = :true', expressionValues: { ':before': { N: 1 } } });
  });

  test('skips the write when the answer is being resumed', () => {
    expect(run('functions/recordAnswer.ts', 'request', { arguments: vote(['o2']), stash: { question, resume: true } }).evaluationResult).toBe('null');
  });

  test('a failed condition without allowChange means another request answered first', () => {
    const output = run('functions/recordAnswer.ts', 'response', { stash: { question: { ...question, allowChange: false } }, result: null, error: condition });
    expect(output.error).toEqual({ message: 'You have already answered this question' });
  });
});

describe('addToTally (step 2)', () => {
  test("counts a first answer and its voter on the participant's shard, noting seq 1 in flight, atomically", () => {
    const request = run('functions/addToTally.ts', 'request', { arguments: vote(['o2']), stash: { question, counting: { seq: 1, optionIds: ['o2'], prev: [] } } }).result;
    expect(request).toMatchObject({
      key: { pk: { S: 'EVENT#e1#Q#q1#R1#T10' }, sk: { S: 'TALLY' } },
      update: { expression: 'ADD #up0 :one, #voters :one SET #inflight.#participant = :seq', expressionNames: { '#up0': 'votes_o2', '#participant': 'part-a' } },
      condition: { expression: 'attribute_exists(#pk) AND (attribute_not_exists(#inflight.#participant) OR #inflight.#participant < :seq)' },
    });
  });

  test('counts a change as the new choice up and the old one down, the voter not again', () => {
    const counting = { seq: 2, optionIds: ['o2', 'o3'], prev: ['o1', 'o2'] };
    const request = run('functions/addToTally.ts', 'request', { arguments: vote(counting.optionIds), stash: { question, counting } }).result;
    expect(request.update).toMatchObject({
      expression: 'ADD #up0 :one, #down0 :minus SET #inflight.#participant = :seq',
      expressionNames: { '#up0': 'votes_o3', '#down0': 'votes_o1' },
      expressionValues: { ':one': { N: 1 }, ':minus': { N: -1 }, ':seq': { N: 2 } },
    });
  });

  test('a resumed answer the shard already counted is not an error', () => {
    const output = run('functions/addToTally.ts', 'response', { stash: { resume: true }, result: null, error: condition });
    expect(output.error).toBeUndefined();
  });
});

describe('markCounted and clearInflight (steps 3 and 4)', () => {
  test('mark only the answer of this seq counted', () => {
    const request = run('functions/markCounted.ts', 'request', { arguments: vote(['o2']), stash: { question, counting: { seq: 3 } } }).result;
    expect(request).toMatchObject({ key: { sk: { S: 'ANSWER#part-a' } }, condition: { expression: '#seq = :seq AND #round = :round' } });
    expect(request.update.expressionValues[':seq']).toEqual({ N: 3 });
  });

  test("remove only this seq's note from the shard", () => {
    const request = run('functions/clearInflight.ts', 'request', { arguments: vote(['o2']), stash: { question, counting: { seq: 3 } } }).result;
    expect(request).toMatchObject({
      update: { expression: 'REMOVE #inflight.#participant' },
      condition: { expression: '#inflight.#participant = :seq', expressionValues: { ':seq': { N: 3 } } },
    });
  });
});

describe('Mutation.castVote', () => {
  test('answers with the results to a voter of an AFTER_VOTE question', () => {
    const results = { questionId: 'q1', totalVotes: 1 };
    const output = run('Mutation.castVote.ts', 'response', { arguments: vote(['o2']), stash: { question, counting: { seq: 1, optionIds: ['o2'], prev: [] }, results } });
    expect(output.result).toEqual({ eventId: 'e1', questionId: 'q1', round: 1, optionIds: ['o2'], words: [], seq: 1, results });
  });

  test('answers without the results while the presenter hides them', () => {
    const output = run('Mutation.castVote.ts', 'response', {
      arguments: vote(['o2']),
      stash: { question: { ...question, reveal: 'HIDDEN' }, counting: { seq: 1, optionIds: ['o2'], prev: [] }, results: {} },
    });
    expect(output.result.results).toBeNull();
  });
});
