// Queries and mutations over HTTP through the unmodified aws-amplify client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { amplifyClientFor } from '../support/amplify-node.ts';
import { createPoll, startHandsUp } from '../support/local-appsync.ts';

const castVote = /* GraphQL */ `
  mutation CastVote($pollId: ID!, $optionId: ID!) {
    castVote(pollId: $pollId, optionId: $optionId) { pollId totalVotes options { optionId label votes } }
  }
`;
const results = /* GraphQL */ `
  query PollResults($pollId: ID!) { results(pollId: $pollId) { pollId title totalVotes options { optionId votes } } }
`;

let server: LocalAppSync;
let client: Awaited<ReturnType<typeof amplifyClientFor>>;

beforeAll(async () => {
  server = await startHandsUp();
  client = await amplifyClientFor(server);
});
afterAll(() => server?.close());

describe('the aws-amplify client over HTTP', () => {
  it('reads a poll created through the API', async () => {
    const poll = await createPoll(server, 'Lunch', ['Ramen', 'Sushi']);
    const answer: any = await client.graphql({ query: 'query ($id: ID!) { poll(id: $id) { id title options { id label } } }', variables: { id: poll.id } });
    expect(answer.data.poll).toEqual({ id: poll.id, title: 'Lunch', options: [{ id: 'o1', label: 'Ramen' }, { id: 'o2', label: 'Sushi' }] });
  });

  it('counts a vote cast with castVote and answers with the new tally', async () => {
    const poll = await createPoll(server);
    const answer: any = await client.graphql({ query: castVote, variables: { pollId: poll.id, optionId: 'o2' } });
    expect(answer.data.castVote.totalVotes).toBe(1);
    expect(answer.data.castVote.options.map((o: any) => o.votes)).toEqual([0, 1, 0]);
  });

  it('reads the tally with the results query', async () => {
    const poll = await createPoll(server);
    for (const optionId of ['o1', 'o3', 'o3']) await client.graphql({ query: castVote, variables: { pollId: poll.id, optionId } });
    const answer: any = await client.graphql({ query: results, variables: { pollId: poll.id } });
    expect(answer.data.results).toMatchObject({ pollId: poll.id, title: 'Best talk', totalVotes: 3 });
    expect(answer.data.results.options).toEqual([
      { optionId: 'o1', votes: 1 },
      { optionId: 'o2', votes: 0 },
      { optionId: 'o3', votes: 2 },
    ]);
  });

  it('rejects a vote for an option the poll lacks with an AppSync-shaped error', async () => {
    const poll = await createPoll(server);
    const refused = await (client.graphql({ query: castVote, variables: { pollId: poll.id, optionId: 'o9' } }) as Promise<unknown>).catch((e: unknown) => e);
    expect(refused).toMatchObject({
      data: { castVote: null },
      errors: [{ path: ['castVote'], errorType: 'BadRequest', message: `Poll ${poll.id} has no option o9`, data: null, errorInfo: null }],
    });
  });

  it('rejects a vote for a poll that does not exist', async () => {
    const refused: any = await (client.graphql({ query: castVote, variables: { pollId: 'nope', optionId: 'o1' } }) as Promise<unknown>).catch((e: unknown) => e);
    expect(refused.errors[0]).toMatchObject({ errorType: 'NotFound', message: 'Poll nope does not exist' });
  });
});
