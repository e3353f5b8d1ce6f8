// Mutation.castVote's pipeline, function by function: the rules of one vote.
import { describe, expect, test } from 'vitest';
import { participant, poll, run } from './support.ts';

const vote = { pollId: 'p1', participantId: 'part-a', optionId: 'o2' };

describe('checkVote', () => {
  test('lets a first vote in an open poll through', () => {
    const output = run('functions/checkVote.ts', 'request', { arguments: vote, stash: { poll, participant } });
    expect(output.result).toEqual({ payload: null });
  });

  test('refuses an option the poll does not have', () => {
    const output = run('functions/checkVote.ts', 'request', { arguments: { ...vote, optionId: 'o9' }, stash: { poll, participant } });
    expect(output.error).toEqual({ message: 'Poll p1 has no option o9' });
  });

  test('refuses a second vote for another option in the same round', () => {
    const voted = { ...participant, round: 1, choice: 'o1', counted: true };
    expect(run('functions/checkVote.ts', 'request', { arguments: vote, stash: { poll, participant: voted } }).error).toEqual({
      message: 'You have already voted in this poll',
    });
  });

  test('answers a repeat of a counted vote as done, so a retry is harmless', () => {
    const voted = { ...participant, round: 1, choice: 'o2', counted: true };
    expect(run('functions/checkVote.ts', 'request', { arguments: vote, stash: { poll, participant: voted } }).stashed).toMatchObject({ resume: false, done: true });
  });

  test('resumes a vote written but not counted', () => {
    const voted = { ...participant, round: 1, choice: 'o2', counted: false };
    expect(run('functions/checkVote.ts', 'request', { arguments: vote, stash: { poll, participant: voted } }).stashed).toMatchObject({ resume: true, done: false });
  });

  test('refuses a vote in a closed poll', () => {
    const output = run('functions/checkVote.ts', 'request', { arguments: vote, stash: { poll: { ...poll, state: 'CLOSED' }, participant } });
    expect(output.error).toEqual({ message: 'This poll is closed' });
  });
});

describe('recordBallot', () => {
  test('writes the ballot on the participant, once per round', () => {
    const request = run('functions/recordBallot.ts', 'request', { arguments: vote, stash: { poll } }).result;
    expect(request).toMatchObject({
      operation: 'UpdateItem',
      key: { pk: { S: 'POLL#p1' }, sk: { S: 'PARTICIPANT#part-a' } },
      condition: { expression: 'attribute_exists(#pk) AND (attribute_not_exists(#round) OR #round < :round)' },
    });
    expect(request.update.expressionValues).toMatchObject({ ':round': { N: 1 }, ':choice': { S: 'o2' }, ':false': { BOOL: false }, ':shard': { N: 10 } });
  });

  test('skips the write when the vote is being resumed (runtime.earlyReturn)', () => {
    expect(run('functions/recordBallot.ts', 'request', { arguments: vote, stash: { poll, resume: true } }).evaluationResult).toBe('null');
  });

  test('a failed condition means another request voted first', () => {
    const output = run('functions/recordBallot.ts', 'response', { result: null, error: { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' } });
    expect(output.error).toEqual({ message: 'You have already voted in this poll' });
  });
});

describe('addToTally', () => {
  test("counts the vote on the participant's shard and notes it in flight, atomically", () => {
    const request = run('functions/addToTally.ts', 'request', { arguments: vote, stash: { poll } }).result;
    expect(request).toMatchObject({
      operation: 'UpdateItem',
      key: { pk: { S: 'POLL#p1#R1#T10' }, sk: { S: 'TALLY' } },
      update: { expression: 'ADD #votes :one SET #inflight.#participant = :true', expressionNames: { '#votes': 'votes_o2', '#participant': 'part-a' } },
      condition: { expression: 'attribute_exists(#pk) AND attribute_not_exists(#inflight.#participant)' },
    });
  });

  test('a resumed vote the shard already counted is not an error', () => {
    const output = run('functions/addToTally.ts', 'response', {
      stash: { resume: true },
      result: null,
      error: { message: 'The conditional request failed', type: 'DynamoDB:ConditionalCheckFailedException' },
    });
    expect(output.result).toBeNull();
    expect(output.error).toBeUndefined();
  });
});

describe('Mutation.castVote', () => {
  test('answers the ballot with the tally to a voter of an AFTER_VOTE poll', () => {
    const results = { pollId: 'p1', totalVotes: 1 };
    const output = run('Mutation.castVote.ts', 'response', { arguments: vote, stash: { poll, participant, results } });
    expect(output.result).toEqual({ pollId: 'p1', optionId: 'o2', round: 1, results });
  });

  test('answers without the tally while an AFTER_CLOSE poll is open', () => {
    const output = run('Mutation.castVote.ts', 'response', { arguments: vote, stash: { poll: { ...poll, resultsVisibility: 'AFTER_CLOSE' }, participant, results: {} } });
    expect(output.result).toEqual({ pollId: 'p1', optionId: 'o2', round: 1, results: null });
  });
});
