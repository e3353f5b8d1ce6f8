// Who sees the tally: resultsVisibility ALWAYS, AFTER_VOTE, AFTER_CLOSE; organizers always.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { asOrganizer, castVote, createPoll, graphql, join, pollAction, startHandsUp } from '../support/local-appsync.ts';

let server: LocalAppSync;
beforeAll(async () => {
  server = await startHandsUp();
});
afterAll(() => server?.close());

const RESULTS = 'query ($id: ID!, $p: ID) { results(pollId: $id, participantId: $p) { totalVotes } }';
const errorOf = (answer: { body: { errors?: any[] } }) => answer.body.errors?.[0];

describe('ALWAYS', () => {
  it('shows the tally to anyone with the API key', async () => {
    const poll = await createPoll(server);
    expect((await graphql(server, RESULTS, { id: poll.id })).body.data.results).toEqual({ totalVotes: 0 });
  });
});

describe('AFTER_VOTE', () => {
  it('hides the tally from a participant who has not voted', async () => {
    const poll = await createPoll(server, { resultsVisibility: 'AFTER_VOTE' });
    const answer = await graphql(server, RESULTS, { id: poll.id, p: await join(server, poll) });
    expect(errorOf(answer)).toMatchObject({ errorType: 'ResultsHidden', message: 'The results of this poll are shown once you have voted' });
  });

  it('shows the tally in the answer to the vote and afterwards', async () => {
    const poll = await createPoll(server, { resultsVisibility: 'AFTER_VOTE' });
    const participantId = await join(server, poll);
    const vote = await castVote(server, poll.id, participantId, 'o1');
    expect(vote.body.data.castVote.results.totalVotes).toBe(1);
    expect((await graphql(server, RESULTS, { id: poll.id, p: participantId })).body.data.results).toEqual({ totalVotes: 1 });
  });
});

describe('AFTER_CLOSE', () => {
  it('answers a vote without the tally while the poll is open', async () => {
    const poll = await createPoll(server, { resultsVisibility: 'AFTER_CLOSE' });
    const vote = await castVote(server, poll.id, await join(server, poll), 'o1');
    expect(vote.body.data.castVote).toMatchObject({ optionId: 'o1', results: null });
  });

  it('hides the tally from voters until the poll closes, then shows it', async () => {
    const poll = await createPoll(server, { resultsVisibility: 'AFTER_CLOSE' });
    await castVote(server, poll.id, await join(server, poll), 'o1');
    expect(errorOf(await graphql(server, RESULTS, { id: poll.id }))).toMatchObject({
      errorType: 'ResultsHidden',
      message: 'The results of this poll are shown when it closes',
    });
    await pollAction(server, 'closePoll', poll.id);
    expect((await graphql(server, RESULTS, { id: poll.id })).body.data.results).toEqual({ totalVotes: 1 });
  });

  it('shows organizers the tally while the poll is open', async () => {
    const poll = await createPoll(server, { resultsVisibility: 'AFTER_CLOSE' });
    await castVote(server, poll.id, await join(server, poll), 'o2');
    expect((await asOrganizer(server, RESULTS, { id: poll.id })).body.data.results).toEqual({ totalVotes: 1 });
  });
});
