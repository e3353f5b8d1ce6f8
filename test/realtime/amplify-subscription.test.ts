// HandsUp's live tally through the unmodified aws-amplify client, over AppSync's real-time protocol.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { amplifyClientFor } from '../support/amplify-node.ts';
import { castVote, createQuestion, join, startHandsUp, type TestQuestion } from '../support/local-appsync.ts';

const onAnswer = /* GraphQL */ `
  subscription OnAnswer($eventId: ID!, $questionId: ID!) {
    onAnswer(eventId: $eventId, questionId: $questionId) { questionId optionIds results { totalVotes options { optionId votes } } }
  }
`;

let server: LocalAppSync;
let client: Awaited<ReturnType<typeof amplifyClientFor>>;

beforeAll(async () => {
  server = await startHandsUp();
  client = await amplifyClientFor(server);
});
afterAll(() => server?.close());

const subscriberCount = () => server.realtime.registry.size;

async function until(check: () => boolean, timeoutMs = 5000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Subscribes and resolves once the server has acknowledged the subscription. */
async function subscribe(question: TestQuestion) {
  const received: any[] = [];
  const errors: unknown[] = [];
  const before = subscriberCount();
  const subscription = (client.graphql({ query: onAnswer, variables: { eventId: question.eventId, questionId: question.id } }) as any).subscribe({
    next: (message: any) => received.push(message.data.onAnswer),
    error: (error: unknown) => errors.push(error),
  });
  await until(() => subscriberCount() > before);
  return { received, errors, unsubscribe: () => subscription.unsubscribe() };
}

describe('onAnswer through the aws-amplify client', () => {
  it('delivers each answer with the tally to a subscriber of that question', async () => {
    const { event, question } = await createQuestion(server);
    const sub = await subscribe(question);
    await castVote(server, question, await join(server, event), ['o1']);
    await until(() => sub.received.length === 1);
    expect(sub.received[0]).toEqual({
      questionId: question.id,
      optionIds: ['o1'],
      results: { totalVotes: 1, options: [{ optionId: 'o1', votes: 1 }, { optionId: 'o2', votes: 0 }, { optionId: 'o3', votes: 0 }] },
    });
    expect(sub.errors).toEqual([]);
    sub.unsubscribe();
  });

  it('does not deliver answers to another question', async () => {
    const watched = await createQuestion(server);
    const other = await createQuestion(server);
    const sub = await subscribe(watched.question);
    await castVote(server, other.question, await join(server, other.event), ['o1']);
    await castVote(server, watched.question, await join(server, watched.event), ['o2']);
    await until(() => sub.received.length === 1);
    expect(sub.received.map((r) => r.questionId)).toEqual([watched.question.id]);
    sub.unsubscribe();
  });

  it('stops delivering after unsubscribe', async () => {
    const { event, question } = await createQuestion(server);
    const sub = await subscribe(question);
    sub.unsubscribe();
    await until(() => subscriberCount() === 0);
    await castVote(server, question, await join(server, event), ['o1']);
    const second = await subscribe(question);
    await castVote(server, question, await join(server, event), ['o1']);
    await until(() => second.received.length === 1);
    expect(sub.received).toEqual([]);
    second.unsubscribe();
  });
});
