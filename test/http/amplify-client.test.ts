// Queries and mutations over HTTP through the unmodified aws-amplify client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { amplifyClientFor } from '../support/amplify-node.ts';
import { CAST_VOTE, createPoll, join, startHandsUp } from '../support/local-appsync.ts';

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

const send = (query: string, variables: Record<string, unknown>) => client.graphql({ query, variables }) as Promise<any>;
const refusal = (query: string, variables: Record<string, unknown>) => send(query, variables).then(() => undefined, (e: any) => e);

describe('the aws-amplify client over HTTP', () => {
  it('reads a poll by its short code', async () => {
    const poll = await createPoll(server, { title: 'Lunch', options: ['Ramen', 'Sushi'] });
    const answer = await send('query ($code: String!) { pollByCode(code: $code) { id title state options { id label } } }', { code: poll.code });
    expect(answer.data.pollByCode).toEqual({ id: poll.id, title: 'Lunch', state: 'OPEN', options: [{ id: 'o1', label: 'Ramen' }, { id: 'o2', label: 'Sushi' }] });
  });

  it('counts a vote cast with castVote and answers with the new tally', async () => {
    const poll = await createPoll(server);
    const participantId = await join(server, poll);
    const answer = await send(CAST_VOTE, { pollId: poll.id, participantId, optionId: 'o2' });
    expect(answer.data.castVote).toMatchObject({ pollId: poll.id, optionId: 'o2', round: 1 });
    expect(answer.data.castVote.results.options.map((o: any) => o.votes)).toEqual([0, 1, 0]);
  });

  it('reads the tally with the results query', async () => {
    const poll = await createPoll(server);
    for (const optionId of ['o1', 'o3', 'o3']) await send(CAST_VOTE, { pollId: poll.id, participantId: await join(server, poll), optionId });
    const answer = await send(results, { pollId: poll.id });
    expect(answer.data.results).toEqual({
      pollId: poll.id,
      title: 'Best talk',
      totalVotes: 3,
      options: [{ optionId: 'o1', votes: 1 }, { optionId: 'o2', votes: 0 }, { optionId: 'o3', votes: 2 }],
    });
  });

  it('rejects a vote for an option the poll lacks with an AppSync-shaped error', async () => {
    const poll = await createPoll(server);
    const refused = await refusal(CAST_VOTE, { pollId: poll.id, participantId: await join(server, poll), optionId: 'o9' });
    expect(refused).toMatchObject({
      data: { castVote: null },
      errors: [{ path: ['castVote'], errorType: 'BadRequest', message: `Poll ${poll.id} has no option o9`, data: null, errorInfo: null }],
    });
  });

  it('rejects a vote for a poll that does not exist', async () => {
    const refused = await refusal(CAST_VOTE, { pollId: 'nope', participantId: 'p', optionId: 'o1' });
    expect(refused.errors[0]).toMatchObject({ errorType: 'NotFound', message: 'Poll nope does not exist' });
  });
});
