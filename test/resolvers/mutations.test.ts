// Mutation.createPoll and Mutation.castVote, handler by handler.
import { describe, expect, test } from 'vitest';
import { poll, run } from './support.ts';

describe('Mutation.createPoll', () => {
  const input = { title: '  Best talk ', options: [' Alpha', 'Beta '] };

  test('puts a new poll item, trimmed, with option ids and a condition that it is new', () => {
    const request = run('Mutation.createPoll.ts', 'request', { arguments: { input } }).result;
    const id = request.attributeValues.id.S;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(request).toMatchObject({
      operation: 'PutItem',
      key: { pk: { S: `POLL#${id}` }, sk: { S: 'POLL' } },
      attributeValues: {
        type: { S: 'POLL' },
        title: { S: 'Best talk' },
        options: { L: [{ M: { id: { S: 'o1' }, label: { S: 'Alpha' } } }, { M: { id: { S: 'o2' }, label: { S: 'Beta' } } }] },
      },
      condition: { expression: '(attribute_not_exists(#pk))', expressionNames: { '#pk': 'pk' } },
    });
  });

  test('refuses an empty title', () => {
    expect(run('Mutation.createPoll.ts', 'request', { arguments: { input: { title: ' ', options: ['a', 'b'] } } }).error).toEqual({
      message: 'A poll needs a title',
    });
  });

  test('refuses fewer than 2 options', () => {
    expect(run('Mutation.createPoll.ts', 'request', { arguments: { input: { title: 'T', options: ['a'] } } }).error).toEqual({
      message: 'A poll has 2 to 10 options',
    });
  });

  test('refuses an option without a label', () => {
    expect(run('Mutation.createPoll.ts', 'request', { arguments: { input: { title: 'T', options: ['a', ' '] } } }).error).toEqual({
      message: 'Every option needs a label',
    });
  });

  test('answers the written poll', () => {
    expect(run('Mutation.createPoll.ts', 'response', { result: poll }).result).toEqual(poll);
  });
});

describe('Mutation.castVote pipeline', () => {
  test('getPoll reads the poll consistently', () => {
    expect(run('functions/getPoll.ts', 'request', { arguments: { pollId: 'p1', optionId: 'o1' } }).result).toEqual({
      operation: 'GetItem',
      key: { pk: { S: 'POLL#p1' }, sk: { S: 'POLL' } },
      consistentRead: true,
    });
  });

  test('getPoll stashes the poll', () => {
    expect(run('functions/getPoll.ts', 'response', { arguments: { pollId: 'p1', optionId: 'o1' }, result: poll }).stashed).toEqual({ poll });
  });

  test('getPoll refuses a poll that does not exist', () => {
    expect(run('functions/getPoll.ts', 'response', { arguments: { pollId: 'nope' }, result: null }).error).toEqual({
      message: 'Poll nope does not exist',
    });
  });

  test('getPoll refuses an option the poll does not have', () => {
    expect(run('functions/getPoll.ts', 'response', { arguments: { pollId: 'p1', optionId: 'o9' }, result: poll }).error).toEqual({
      message: 'Poll p1 has no option o9',
    });
  });

  test('addVote adds one to a counter shard of the option', () => {
    const request = run('functions/addVote.ts', 'request', { arguments: { pollId: 'p1', optionId: 'o2' } }).result;
    expect(request).toMatchObject({
      operation: 'UpdateItem',
      update: {
        expression: 'ADD #votes :one SET #optionId = :optionId',
        expressionValues: { ':one': { N: 1 }, ':optionId': { S: 'o2' } },
      },
    });
    expect(request.key.pk).toEqual({ S: 'POLL#p1' });
    expect(request.key.sk.S).toMatch(/^COUNT#o2#[0-3]$/);
  });

  test('getCounts queries every counter of the poll, consistently', () => {
    expect(run('functions/getCounts.ts', 'request', { arguments: { pollId: 'p1' } }).result).toMatchObject({
      operation: 'Query',
      query: {
        expression: '(#pk = :pk_eq) AND (begins_with(#sk,:sk_beginsWith))',
        expressionValues: { ':pk_eq': { S: 'POLL#p1' }, ':sk_beginsWith': { S: 'COUNT#' } },
      },
      consistentRead: true,
      limit: 40,
    });
  });

  test('castVote answers the tally including the vote', () => {
    const output = run('Mutation.castVote.ts', 'response', { stash: { poll }, prev: { result: [{ optionId: 'o2', votes: 1 }] } });
    expect(output.result).toMatchObject({ pollId: 'p1', totalVotes: 1, options: [{ optionId: 'o1', votes: 0 }, { optionId: 'o2', votes: 1 }] });
  });
});
