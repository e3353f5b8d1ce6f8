// HandsUp's live tally through the unmodified aws-amplify client, over AppSync's real-time protocol.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { amplifyClientFor } from '../support/amplify-node.ts';
import { castVote, createPoll, join, startHandsUp } from '../support/local-appsync.ts';

const onVote = /* GraphQL */ `
  subscription OnVote($pollId: ID!) { onVote(pollId: $pollId) { pollId optionId results { totalVotes options { optionId votes } } } }
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
async function subscribe(pollId: string) {
  const received: any[] = [];
  const errors: unknown[] = [];
  const before = subscriberCount();
  const subscription = (client.graphql({ query: onVote, variables: { pollId } }) as any).subscribe({
    next: (message: any) => received.push(message.data.onVote),
    error: (error: unknown) => errors.push(error),
  });
  await until(() => subscriberCount() > before);
  return { received, errors, unsubscribe: () => subscription.unsubscribe() };
}

describe('onVote through the aws-amplify client', () => {
  it('delivers each ballot with the tally to a subscriber of that poll', async () => {
    const poll = await createPoll(server);
    const sub = await subscribe(poll.id);
    await castVote(server, poll.id, await join(server, poll), 'o1');
    await until(() => sub.received.length === 1);
    expect(sub.received[0]).toEqual({
      pollId: poll.id,
      optionId: 'o1',
      results: { totalVotes: 1, options: [{ optionId: 'o1', votes: 1 }, { optionId: 'o2', votes: 0 }, { optionId: 'o3', votes: 0 }] },
    });
    expect(sub.errors).toEqual([]);
    sub.unsubscribe();
  });

  it('does not deliver votes of another poll', async () => {
    const watched = await createPoll(server);
    const other = await createPoll(server);
    const sub = await subscribe(watched.id);
    await castVote(server, other.id, await join(server, other), 'o1');
    await castVote(server, watched.id, await join(server, watched), 'o2');
    await until(() => sub.received.length === 1);
    expect(sub.received.map((r) => r.pollId)).toEqual([watched.id]);
    sub.unsubscribe();
  });

  it('stops delivering after unsubscribe', async () => {
    const poll = await createPoll(server);
    const sub = await subscribe(poll.id);
    sub.unsubscribe();
    await until(() => subscriberCount() === 0);
    await castVote(server, poll.id, await join(server, poll), 'o1');
    const second = await subscribe(poll.id);
    await castVote(server, poll.id, await join(server, poll), 'o1');
    await until(() => second.received.length === 1);
    expect(sub.received).toEqual([]);
    second.unsubscribe();
  });
});
