// Subscriptions through the unmodified aws-amplify client, over AppSync's real-time protocol.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { amplifyClientFor } from '../support/amplify-node.ts';
import { createPoll, graphql, startHandsUp } from '../support/local-appsync.ts';

const onResults = /* GraphQL */ `
  subscription OnResults($pollId: ID!) { onResults(pollId: $pollId) { pollId totalVotes options { optionId votes } } }
`;
const castVote = /* GraphQL */ `
  mutation CastVote($pollId: ID!, $optionId: ID!) {
    castVote(pollId: $pollId, optionId: $optionId) { pollId title totalVotes updatedAt options { optionId label votes } }
  }
`;

let server: LocalAppSync;
let client: Awaited<ReturnType<typeof amplifyClientFor>>;

beforeAll(async () => {
  server = await startHandsUp();
  client = await amplifyClientFor(server);
});
afterAll(() => server?.close());

/** Subscribes and resolves once the server has acknowledged the subscription. */
async function subscribe(pollId: string) {
  const received: any[] = [];
  const errors: unknown[] = [];
  const before = subscriberCount();
  const subscription = (client.graphql({ query: onResults, variables: { pollId } }) as any).subscribe({
    next: (message: any) => received.push(message.data.onResults),
    error: (error: unknown) => errors.push(error),
  });
  await until(() => subscriberCount() > before);
  return { received, errors, unsubscribe: () => subscription.unsubscribe() };
}

const subscriberCount = () => server.realtime.registry.size;

async function until(check: () => boolean, timeoutMs = 5000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('onResults through the aws-amplify client', () => {
  it('delivers the tally of a vote to a subscriber of that poll', async () => {
    const poll = await createPoll(server);
    const sub = await subscribe(poll.id);
    await graphql(server, castVote, { pollId: poll.id, optionId: 'o1' });
    await until(() => sub.received.length === 1);
    expect(sub.received[0]).toEqual({ pollId: poll.id, totalVotes: 1, options: [{ optionId: 'o1', votes: 1 }, { optionId: 'o2', votes: 0 }, { optionId: 'o3', votes: 0 }] });
    expect(sub.errors).toEqual([]);
    sub.unsubscribe();
  });

  it('does not deliver votes of another poll', async () => {
    const watched = await createPoll(server);
    const other = await createPoll(server);
    const sub = await subscribe(watched.id);
    await graphql(server, castVote, { pollId: other.id, optionId: 'o1' });
    await graphql(server, castVote, { pollId: watched.id, optionId: 'o2' });
    await until(() => sub.received.length === 1);
    expect(sub.received.map((r) => r.pollId)).toEqual([watched.id]);
    sub.unsubscribe();
  });

  it('stops delivering after unsubscribe', async () => {
    const poll = await createPoll(server);
    const sub = await subscribe(poll.id);
    sub.unsubscribe();
    await until(() => subscriberCount() === 0);
    await graphql(server, castVote, { pollId: poll.id, optionId: 'o1' });
    const second = await subscribe(poll.id);
    await graphql(server, castVote, { pollId: poll.id, optionId: 'o1' });
    await until(() => second.received.length === 1);
    expect(sub.received).toEqual([]);
    second.unsubscribe();
  });
});
