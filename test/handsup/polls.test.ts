// A poll's life: draft → open → closed, reset to a new round, deletion, export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { asOrganizer, castVote, createPoll, graphql, join, pollAction, startHandsUp } from '../support/local-appsync.ts';

let server: LocalAppSync;
beforeAll(async () => {
  server = await startHandsUp();
});
afterAll(() => server?.close());

const errorOf = (answer: { body: { errors?: any[] } }) => answer.body.errors?.[0];

describe('creating a poll', () => {
  it('makes a draft in round 1 with a six-character code people can type', async () => {
    const poll = await createPoll(server, { open: false });
    expect(poll).toMatchObject({ round: 1, state: 'DRAFT', resultsVisibility: 'ALWAYS' });
    expect(poll.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
  });

  it.each([
    [['Only one'], 'A poll has 2 to 10 options'],
    [['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'], 'A poll has 2 to 10 options'],
    [['Fine', '  '], 'Every option needs a label'],
  ])('refuses the options %j: %s', async (options, message) => {
    const answer = await asOrganizer(server, 'mutation ($input: CreatePollInput!) { createPoll(input: $input) { id } }', {
      input: { title: 'T', options },
    });
    expect(errorOf(answer)).toMatchObject({ errorType: 'BadRequest', message });
  });

  it('gives each poll its own code', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 20; i++) codes.add((await createPoll(server, { open: false })).code);
    expect(codes.size).toBe(20);
  });
});

describe('joining', () => {
  it('finds the poll from its code typed in lower case with spaces', async () => {
    const poll = await createPoll(server);
    const typed = `${poll.code.slice(0, 3)} ${poll.code.slice(3)}`.toLowerCase();
    const answer = await graphql(server, 'mutation ($code: String!) { joinPoll(code: $code) { pollId participantId choice } }', { code: typed });
    expect(answer.body.data.joinPoll).toMatchObject({ pollId: poll.id, choice: null });
  });

  it('refuses a code no poll has', async () => {
    const answer = await graphql(server, 'mutation { joinPoll(code: "ZZZZZZ") { participantId } }');
    expect(errorOf(answer)).toMatchObject({ errorType: 'NotFound', message: 'No poll has the code ZZZZZZ' });
  });

  it('mints a different participant for each join', async () => {
    const poll = await createPoll(server);
    expect(await join(server, poll)).not.toBe(await join(server, poll));
  });
});

describe('states', () => {
  it('a draft refuses votes', async () => {
    const poll = await createPoll(server, { open: false });
    const answer = await castVote(server, poll.id, await join(server, poll), 'o1');
    expect(errorOf(answer)).toMatchObject({ errorType: 'PollNotOpen', message: 'This poll is not open for voting yet' });
  });

  it('opening a draft lets votes in', async () => {
    const poll = await createPoll(server, { open: false });
    expect((await pollAction(server, 'openPoll', poll.id)).state).toBe('OPEN');
    const answer = await castVote(server, poll.id, await join(server, poll), 'o1');
    expect(answer.body.data.castVote.results.totalVotes).toBe(1);
  });

  it('an open poll cannot be opened again', async () => {
    const poll = await createPoll(server);
    const answer = await asOrganizer(server, 'mutation ($id: ID!) { openPoll(id: $id) { state } }', { id: poll.id });
    expect(errorOf(answer)).toMatchObject({ errorType: 'InvalidState', message: `Poll ${poll.id} cannot be opened: it is open` });
  });

  it('closing stops voting and keeps the tally', async () => {
    const poll = await createPoll(server);
    await castVote(server, poll.id, await join(server, poll), 'o2');
    expect((await pollAction(server, 'closePoll', poll.id)).state).toBe('CLOSED');
    const late = await castVote(server, poll.id, await join(server, poll), 'o1');
    expect(errorOf(late)).toMatchObject({ errorType: 'PollNotOpen', message: 'This poll is closed' });
    const results = await graphql(server, 'query ($id: ID!) { results(pollId: $id) { state totalVotes } }', { id: poll.id });
    expect(results.body.data.results).toEqual({ state: 'CLOSED', totalVotes: 1 });
  });

  it('a closed poll does not reopen', async () => {
    const poll = await createPoll(server);
    await pollAction(server, 'closePoll', poll.id);
    const answer = await asOrganizer(server, 'mutation ($id: ID!) { openPoll(id: $id) { state } }', { id: poll.id });
    expect(errorOf(answer)).toMatchObject({ errorType: 'InvalidState' });
  });
});

describe('reset', () => {
  it('starts a new round as a draft with every count at zero', async () => {
    const poll = await createPoll(server);
    await castVote(server, poll.id, await join(server, poll), 'o1');
    expect(await pollAction(server, 'resetPoll', poll.id)).toMatchObject({ round: 2, state: 'DRAFT' });
    const results = await graphql(server, 'query ($id: ID!) { results(pollId: $id) { round totalVotes } }', { id: poll.id });
    expect(results.body.data.results).toEqual({ round: 2, totalVotes: 0 });
  });

  it('lets a participant of the last round vote again', async () => {
    const poll = await createPoll(server);
    const participantId = await join(server, poll);
    await castVote(server, poll.id, participantId, 'o1');
    await pollAction(server, 'resetPoll', poll.id);
    await pollAction(server, 'openPoll', poll.id);
    const again = await castVote(server, poll.id, participantId, 'o3');
    expect(again.body.data.castVote).toMatchObject({ optionId: 'o3', round: 2, results: { totalVotes: 1 } });
  });
});

describe('deletion', () => {
  it('removes the poll and frees its code', async () => {
    const poll = await createPoll(server);
    expect((await pollAction(server, 'deletePoll', poll.id)).id).toBe(poll.id);
    const byId = await graphql(server, 'query ($id: ID!) { poll(id: $id) { id } }', { id: poll.id });
    expect(byId.body).toEqual({ data: { poll: null } });
    const byCode = await graphql(server, 'query ($code: String!) { pollByCode(code: $code) { id } }', { code: poll.code });
    expect(errorOf(byCode)).toMatchObject({ errorType: 'NotFound' });
  });

  it('refuses votes for a deleted poll', async () => {
    const poll = await createPoll(server);
    const participantId = await join(server, poll);
    await pollAction(server, 'deletePoll', poll.id);
    expect(errorOf(await castVote(server, poll.id, participantId, 'o1'))).toMatchObject({ errorType: 'NotFound' });
  });
});

describe('export', () => {
  it('answers the tally as CSV, quoting labels with commas or quotes', async () => {
    const poll = await createPoll(server, { options: ['Plain', 'Comma, here', 'Say "hi"'] });
    await castVote(server, poll.id, await join(server, poll), 'o2');
    await castVote(server, poll.id, await join(server, poll), 'o2');
    await castVote(server, poll.id, await join(server, poll), 'o3');
    const answer = await asOrganizer(server, 'query ($id: ID!) { exportResults(pollId: $id) }', { id: poll.id });
    expect(answer.body.data.exportResults).toBe('option,label,votes\no1,Plain,0\no2,"Comma, here",2\no3,"Say ""hi""",1\ntotal,,3\n');
  });
});

describe('listing', () => {
  it('lists polls newest first for organizers', async () => {
    const first = await createPoll(server, { title: 'First of the list', open: false });
    const second = await createPoll(server, { title: 'Second of the list', open: false });
    const answer = await asOrganizer(server, '{ polls { id } }');
    const ids = answer.body.data.polls.map((p: { id: string }) => p.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
  });
});
