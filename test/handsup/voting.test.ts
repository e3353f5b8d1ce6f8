// One vote per participant per round, counted exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { castVote, createPoll, graphql, join, pollAction, startHandsUp } from '../support/local-appsync.ts';

let server: LocalAppSync;
beforeAll(async () => {
  server = await startHandsUp();
});
afterAll(() => server?.close());

const errorOf = (answer: { body: { errors?: any[] } }) => answer.body.errors?.[0];
const tally = async (pollId: string) =>
  (await graphql(server, 'query ($id: ID!) { results(pollId: $id) { totalVotes options { optionId votes } } }', { id: pollId })).body.data.results;

describe('castVote', () => {
  it('refuses a second vote of a participant for another option', async () => {
    const poll = await createPoll(server);
    const participantId = await join(server, poll);
    await castVote(server, poll.id, participantId, 'o1');
    const second = await castVote(server, poll.id, participantId, 'o2');
    expect(errorOf(second)).toMatchObject({ errorType: 'AlreadyVoted', message: 'You have already voted in this poll' });
    expect((await tally(poll.id)).totalVotes).toBe(1);
  });

  it('answers a repeat of the same vote as the first and counts it once', async () => {
    const poll = await createPoll(server);
    const participantId = await join(server, poll);
    const first = await castVote(server, poll.id, participantId, 'o2');
    const repeat = await castVote(server, poll.id, participantId, 'o2');
    expect(repeat.body.errors).toBeUndefined();
    expect(repeat.body.data.castVote).toMatchObject({ optionId: 'o2', round: 1, results: { totalVotes: 1 } });
    expect(first.body.data.castVote.results.totalVotes).toBe(1);
  });

  it('refuses a participant id the server never minted', async () => {
    const poll = await createPoll(server);
    const answer = await castVote(server, poll.id, '00000000-0000-4000-8000-000000000000', 'o1');
    expect(errorOf(answer)).toMatchObject({ errorType: 'NotParticipant' });
  });

  it('refuses a participant of another poll', async () => {
    const poll = await createPoll(server);
    const other = await createPoll(server);
    const answer = await castVote(server, poll.id, await join(server, other), 'o1');
    expect(errorOf(answer)).toMatchObject({ errorType: 'NotParticipant' });
  });

  it('counts simultaneous votes of many participants exactly', async () => {
    const poll = await createPoll(server);
    const participants = await Promise.all(Array.from({ length: 60 }, () => join(server, poll)));
    const choices = participants.map((_, i) => `o${(i % 3) + 1}`);
    const answers = await Promise.all(participants.map((p, i) => castVote(server, poll.id, p, choices[i]!)));
    expect(answers.filter((a) => a.body.errors)).toEqual([]);
    expect(await tally(poll.id)).toEqual({
      totalVotes: 60,
      options: [{ optionId: 'o1', votes: 20 }, { optionId: 'o2', votes: 20 }, { optionId: 'o3', votes: 20 }],
    });
  });

  it('counts a participant once when the same vote is sent many times at once', async () => {
    const poll = await createPoll(server);
    const participantId = await join(server, poll);
    await Promise.all(Array.from({ length: 8 }, () => castVote(server, poll.id, participantId, 'o1')));
    expect((await tally(poll.id)).totalVotes).toBe(1);
  });
});

describe('participant', () => {
  const participantQuery = 'query ($p: ID!, $id: ID!) { participant(pollId: $p, participantId: $id) { participantId pollId choice } }';

  it('tells a returning device what it voted this round', async () => {
    const poll = await createPoll(server);
    const participantId = await join(server, poll);
    await castVote(server, poll.id, participantId, 'o3');
    const answer = await graphql(server, participantQuery, { p: poll.id, id: participantId });
    expect(answer.body.data.participant).toEqual({ participantId, pollId: poll.id, choice: 'o3' });
  });

  it('forgets the choice when the poll is reset', async () => {
    const poll = await createPoll(server);
    const participantId = await join(server, poll);
    await castVote(server, poll.id, participantId, 'o3');
    await pollAction(server, 'resetPoll', poll.id);
    const answer = await graphql(server, participantQuery, { p: poll.id, id: participantId });
    expect(answer.body.data.participant.choice).toBeNull();
  });
});
