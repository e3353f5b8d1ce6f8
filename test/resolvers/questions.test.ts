// Queries, the presenter's edits and visibility, handler by handler.
import { describe, expect, test } from 'vitest';
import { answer, env, question, run } from './support.ts';

const event = { pk: 'EVENT#e1', sk: 'EVENT', type: 'EVENT', id: 'e1', code: 'ABC123', title: 'Keynote', questionIds: ['q1', 'q2', 'q3'], currentQuestionId: 'q2', updatedAt: '2026-01-01T00:00:00.000Z' };

describe('Query.event', () => {
  test('reads the event item by its key', () => {
    expect(run('Query.event.ts', 'request', { arguments: { id: 'e1' } }).result).toEqual({ operation: 'GetItem', key: { pk: { S: 'EVENT#e1' }, sk: { S: 'EVENT' } } });
  });

  test('refuses an id that is not one, before the table', () => {
    expect(run('Query.event.ts', 'request', { arguments: { id: 'EVENT#e1' } }).error).toEqual({ message: 'The event id is not valid: at most 64 letters, digits and dashes' });
  });

  test('raises a data source failure as the field error', () => {
    const output = run('Query.event.ts', 'response', { result: null, error: { message: 'Throttled', type: 'DynamoDB:ProvisionedThroughputExceededException' } });
    expect(output.error).toEqual({ message: 'Throttled' });
  });
});

describe('Query.events', () => {
  test('queries the byType index for events, newest first', () => {
    expect(run('Query.events.ts', 'request').result).toMatchObject({
      operation: 'Query',
      index: 'byType',
      query: { expressionValues: { ':type_eq': { S: 'EVENT' } } },
      scanIndexForward: false,
    });
  });
});

describe('Event.questions', () => {
  test('reads the questions from the event partition', () => {
    expect(run('Event.questions.ts', 'request', { source: event }).result).toMatchObject({
      operation: 'Query',
      query: { expressionValues: { ':pk_eq': { S: 'EVENT#e1' }, ':sk_beginsWith': { S: 'QUESTION#' } } },
      consistentRead: true,
    });
  });

  test('answers them in the event’s order, leaving out one not linked', () => {
    const items = [{ id: 'q3' }, { id: 'q1' }, { id: 'orphan' }, { id: 'q2' }];
    expect(run('Event.questions.ts', 'response', { source: event, result: { items } }).result).toEqual([{ id: 'q1' }, { id: 'q2' }, { id: 'q3' }]);
  });
});

describe('saveEvent', () => {
  const save = (edit: object) => run('functions/saveEvent.ts', 'request', { stash: { event, edit } });

  test('writes only if the event is as it was read', () => {
    expect(save({ kind: 'title', title: 'New' }).result.condition).toEqual({ expression: '#updatedAt = :seen', expressionNames: { '#updatedAt': 'updatedAt' }, expressionValues: { ':seen': { S: event.updatedAt } } });
  });

  test('moves a question to a position', () => {
    expect(save({ kind: 'move', questionId: 'q3', position: 0 }).result.update.expressionValues[':questionIds']).toEqual({ L: [{ S: 'q3' }, { S: 'q1' }, { S: 'q2' }] });
  });

  test('removing the question on takes it off the screen', () => {
    expect(save({ kind: 'remove', questionId: 'q2' }).result.update.expressionValues).toMatchObject({ ':questionIds': { L: [{ S: 'q1' }, { S: 'q3' }] }, ':current': { NULL: null } });
  });

  test('inserts a copy right after its original', () => {
    expect(save({ kind: 'insertAfter', questionId: 'q9', afterId: 'q1' }).result.update.expressionValues[':questionIds']).toEqual({ L: [{ S: 'q1' }, { S: 'q9' }, { S: 'q2' }, { S: 'q3' }] });
  });

  test('refuses to put on a question the event does not have', () => {
    expect(save({ kind: 'current', questionId: 'q9' }).error).toEqual({ message: 'Event e1 has no question q9' });
  });

  test('says when another organizer changed the event meanwhile', () => {
    const output = run('functions/saveEvent.ts', 'response', { stash: { event }, result: null, error: { message: 'failed', type: 'DynamoDB:ConditionalCheckFailedException' } });
    expect(output.error).toEqual({ message: 'Event e1 changed meanwhile: look again and retry' });
  });
});

describe('replaceQuestion', () => {
  test('refuses a question with answers this round', () => {
    const output = run('functions/replaceQuestion.ts', 'request', { stash: { question: { ...question, answered: true }, settings: { title: 'New' } } });
    expect(output.error).toEqual({ message: 'This question has answers: reset it or duplicate it to change it' });
  });

  test('writes only while nobody has answered in this round', () => {
    const request = run('functions/replaceQuestion.ts', 'request', { stash: { question, settings: { title: 'New' } } }).result;
    expect(request.condition.expression).toBe('#answered = :false AND #round = :round');
    expect(request.update.expression).toBe('SET #title = :title, #updatedAt = :now');
  });
});

describe('getTally', () => {
  test("reads every tally shard of the question's round, projecting the voters and option counters", () => {
    const request = run('functions/getTally.ts', 'request', { stash: { question }, env }).result;
    expect(request.tables.HandsUp.keys).toHaveLength(16);
    expect(request.tables.HandsUp.keys[0]).toEqual({ pk: { S: 'EVENT#e1#Q#q1#R1#T0' }, sk: { S: 'TALLY' } });
    expect(request.tables.HandsUp.projection.expression).toBe('#voters, #v0, #v1, #v2');
  });

  test("reads a word cloud's shards whole: its counters are named after its words", () => {
    const request = run('functions/getTally.ts', 'request', { stash: { question: { ...question, type: 'WORD_CLOUD', options: [] } }, env }).result;
    expect(request.tables.HandsUp).not.toHaveProperty('projection');
  });

  test('sums the shards into the results, a missing shard counting zero', () => {
    const output = run('functions/getTally.ts', 'response', {
      stash: { question },
      env,
      result: { data: { HandsUp: [{ votes_o1: 2, voters: 2 }, null, { votes_o1: 1, votes_o3: 4, voters: 5 }] }, unprocessedKeys: { HandsUp: [] } },
    });
    expect(output.result).toMatchObject({ questionId: 'q1', totalVotes: 7, voters: 7, options: [{ votes: 3 }, { votes: 0 }, { votes: 4 }], average: null, words: [] });
  });
});

describe('Query.results', () => {
  test('hides the results from a participant who has not answered (AFTER_VOTE)', () => {
    expect(run('Query.results.ts', 'response', { stash: { question, answer: null, results: {} } }).error).toEqual({
      message: 'The results of this question are shown once you have answered',
    });
  });

  test('shows them to a participant who answered this round', () => {
    expect(run('Query.results.ts', 'response', { stash: { question, answer, results: { totalVotes: 1 } } }).result).toEqual({ totalVotes: 1 });
  });

  test('shows them to an organizer while hidden', () => {
    const output = run('Query.results.ts', 'response', { stash: { question: { ...question, reveal: 'HIDDEN' }, answer: null, results: { totalVotes: 7 } }, identity: { sub: 'u1', groups: ['organizers'] } });
    expect(output.result).toEqual({ totalVotes: 7 });
  });
});

describe('Subscription.onAnswer', () => {
  test('refuses a subscriber who may not see the results now', () => {
    const output = run('Subscription.onAnswer.ts', 'response', { arguments: { eventId: 'e1', questionId: 'q1' }, stash: { question: { ...question, resultsVisibility: 'AFTER_CLOSE' }, answer: null } });
    expect(output.error).toEqual({ message: 'The results of this question are shown when it closes' });
  });

  test('filters answers on the question for one who may', () => {
    const output = run('Subscription.onAnswer.ts', 'response', { arguments: { eventId: 'e1', questionId: 'q1' }, stash: { question: { ...question, resultsVisibility: 'ALWAYS' }, answer: null } });
    expect(output.result).toBeNull();
    expect(output.error).toBeUndefined();
  });
});
