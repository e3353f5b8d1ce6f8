// Query.poll, Query.polls and Query.results, handler by handler.
import { describe, expect, test } from 'vitest';
import { poll, run } from './support.ts';

describe('Query.poll', () => {
  test('reads the poll item by its key', () => {
    expect(run('Query.poll.ts', 'request', { arguments: { id: 'p1' } }).result).toEqual({
      operation: 'GetItem',
      key: { pk: { S: 'POLL#p1' }, sk: { S: 'POLL' } },
    });
  });

  test('answers null when there is no such poll', () => {
    expect(run('Query.poll.ts', 'response', { arguments: { id: 'p1' }, result: null }).result).toBeNull();
  });

  test('raises a data source failure as the field error', () => {
    const output = run('Query.poll.ts', 'response', { result: null, error: { message: 'Throttled', type: 'DynamoDB:ProvisionedThroughputExceededException' } });
    expect(output.error).toEqual({ message: 'Throttled' });
  });
});

describe('Query.polls', () => {
  test('queries the byType index for polls, newest first', () => {
    expect(run('Query.polls.ts', 'request').result).toEqual({
      operation: 'Query',
      index: 'byType',
      query: { expression: '(#type = :type_eq)', expressionNames: { '#type': 'type' }, expressionValues: { ':type_eq': { S: 'POLL' } } },
      scanIndexForward: false,
      limit: 100,
    });
  });

  test('answers the items', () => {
    expect(run('Query.polls.ts', 'response', { result: { items: [poll], nextToken: null } }).result).toEqual([poll]);
  });
});

describe('Query.results', () => {
  test('sums the counter shards of each option of the stashed poll', () => {
    const output = run('Query.results.ts', 'response', {
      stash: { poll },
      prev: { result: [{ optionId: 'o1', votes: 2 }, { optionId: 'o1', votes: 3 }, { optionId: 'o2', votes: 1 }] },
    });
    expect(output.result).toMatchObject({
      pollId: 'p1',
      title: 'Best talk',
      options: [
        { optionId: 'o1', label: 'Alpha', votes: 5 },
        { optionId: 'o2', label: 'Beta', votes: 1 },
      ],
      totalVotes: 6,
    });
    expect(output.result.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
