// Queries and mutations over HTTP through the unmodified aws-amplify client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { amplifyClientFor } from '../support/amplify-node.ts';
import { CAST_VOTE, createQuestion, join, startHandsUp } from '../support/local-appsync.ts';

const results = /* GraphQL */ `
  query QuestionResults($eventId: ID!, $questionId: ID!) { results(eventId: $eventId, questionId: $questionId) { questionId title totalVotes options { optionId votes } } }
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
  it('reads an event by its short code', async () => {
    const { event } = await createQuestion(server, { question: { title: 'Lunch', options: ['Ramen', 'Sushi'] } });
    const answer = await send('query ($code: String!) { eventByCode(code: $code) { id questions { title state options { id label } } } }', { code: event.code });
    expect(answer.data.eventByCode).toEqual({ id: event.id, questions: [{ title: 'Lunch', state: 'OPEN', options: [{ id: 'o1', label: 'Ramen' }, { id: 'o2', label: 'Sushi' }] }] });
  });

  it('counts a vote cast with castVote and answers with the new tally', async () => {
    const { event, question } = await createQuestion(server);
    const participantId = await join(server, event);
    const answer = await send(CAST_VOTE, { eventId: event.id, questionId: question.id, participantId, optionIds: ['o2'] });
    expect(answer.data.castVote).toMatchObject({ questionId: question.id, optionIds: ['o2'], round: 1 });
    expect(answer.data.castVote.results.options.map((o: any) => o.votes)).toEqual([0, 1, 0]);
  });

  it('reads the tally with the results query', async () => {
    const { event, question } = await createQuestion(server);
    for (const optionId of ['o1', 'o3', 'o3']) {
      await send(CAST_VOTE, { eventId: event.id, questionId: question.id, participantId: await join(server, event), optionIds: [optionId] });
    }
    const answer = await send(results, { eventId: event.id, questionId: question.id });
    expect(answer.data.results).toEqual({
      questionId: question.id,
      title: 'Best talk',
      totalVotes: 3,
      options: [{ optionId: 'o1', votes: 1 }, { optionId: 'o2', votes: 0 }, { optionId: 'o3', votes: 2 }],
    });
  });

  it('rejects a vote for an option the question lacks with an AppSync-shaped error', async () => {
    const { event, question } = await createQuestion(server);
    const refused = await refusal(CAST_VOTE, { eventId: event.id, questionId: question.id, participantId: await join(server, event), optionIds: ['o9'] });
    expect(refused).toMatchObject({
      data: { castVote: null },
      errors: [{ path: ['castVote'], errorType: 'BadRequest', message: `Question ${question.id} has no option o9`, data: null, errorInfo: null }],
    });
  });

  it('rejects a vote for an event that does not exist', async () => {
    const refused = await refusal(CAST_VOTE, { eventId: 'nope', questionId: 'q', participantId: 'p', optionIds: ['o1'] });
    expect(refused.errors[0]).toMatchObject({ errorType: 'NotFound', message: 'Event nope does not exist' });
  });
});
