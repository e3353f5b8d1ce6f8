// HandsUp's queries, handler by handler.
import { describe, expect, test } from 'vitest';
import { env, participant, poll, run } from './support.ts';

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

describe('getPoll (pipeline function)', () => {
  test('reads the stashed poll id consistently', () => {
    expect(run('functions/getPoll.ts', 'request', { stash: { pollId: 'p1' } }).result).toEqual({
      operation: 'GetItem',
      key: { pk: { S: 'POLL#p1' }, sk: { S: 'POLL' } },
      consistentRead: true,
    });
  });

  test('stashes the poll', () => {
    expect(run('functions/getPoll.ts', 'response', { stash: { pollId: 'p1' }, result: poll }).stashed).toEqual({ pollId: 'p1', poll });
  });

  test('ends the request when the poll does not exist', () => {
    expect(run('functions/getPoll.ts', 'response', { stash: { pollId: 'nope' }, result: null }).error).toEqual({ message: 'Poll nope does not exist' });
  });
});

describe('Query.results', () => {
  test('getTally reads every tally shard of the round, projecting the option counters', () => {
    const request = run('functions/getTally.ts', 'request', { stash: { poll }, env }).result;
    expect(request.operation).toBe('BatchGetItem');
    expect(request.tables.HandsUp.keys).toHaveLength(16);
    expect(request.tables.HandsUp.keys[0]).toEqual({ pk: { S: 'POLL#p1#R1#T0' }, sk: { S: 'TALLY' } });
    expect(request.tables.HandsUp.projection).toEqual({ expression: '#v0, #v1', expressionNames: { '#v0': 'votes_o1', '#v1': 'votes_o2' } });
  });

  test('getTally sums the shards into the results, a missing shard counting zero', () => {
    const output = run('functions/getTally.ts', 'response', {
      stash: { poll },
      env,
      result: { data: { HandsUp: [{ votes_o1: 2 }, null, { votes_o1: 1, votes_o2: 4 }] }, unprocessedKeys: { HandsUp: [] } },
    });
    expect(output.result).toMatchObject({
      pollId: 'p1',
      round: 1,
      options: [
        { optionId: 'o1', label: 'Alpha', votes: 3 },
        { optionId: 'o2', label: 'Beta', votes: 4 },
      ],
      totalVotes: 7,
    });
  });

  test('hides the tally from a participant who has not voted yet (AFTER_VOTE)', () => {
    const output = run('Query.results.ts', 'response', { stash: { poll, participant, results: { totalVotes: 0 } } });
    expect(output.error).toEqual({ message: 'The results of this poll are shown once you have voted' });
  });

  test('shows the tally to an organizer', () => {
    const output = run('Query.results.ts', 'response', { stash: { poll, results: { totalVotes: 7 } }, identity: { sub: 'u1', groups: ['organizers'] } });
    expect(output.result).toEqual({ totalVotes: 7 });
  });
});

describe('Subscription.onVote', () => {
  test('refuses a subscriber who may not see the tally yet', () => {
    const output = run('Subscription.onVote.ts', 'response', { stash: { poll: { ...poll, resultsVisibility: 'AFTER_CLOSE' }, participant } });
    expect(output.error).toEqual({ message: 'The results of this poll are shown when it closes' });
  });

  test('lets one who may see it subscribe', () => {
    const output = run('Subscription.onVote.ts', 'response', { stash: { poll: { ...poll, resultsVisibility: 'ALWAYS' } } });
    expect(output.result).toBeNull();
  });
});
