// Who sees the results: resultsVisibility ALWAYS, AFTER_VOTE, AFTER_CLOSE; the
// presenter's reveal (SHOWN, HIDDEN) over it; organizers always.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { asOrganizer, castVote, createQuestion, graphql, join, questionAction, startHandsUp, type TestQuestion } from '../support/local-appsync.ts';

let server: LocalAppSync;
beforeAll(async () => {
  server = await startHandsUp();
});
afterAll(() => server?.close());

const RESULTS = 'query ($e: ID!, $q: ID!, $p: ID) { results(eventId: $e, questionId: $q, participantId: $p) { totalVotes } }';
const errorOf = (answer: { body: { errors?: any[] } }) => answer.body.errors?.[0];
const results = (question: TestQuestion, participantId?: string) => graphql(server, RESULTS, { e: question.eventId, q: question.id, p: participantId });
const reveal = (question: TestQuestion, value: 'AUTO' | 'SHOWN' | 'HIDDEN') =>
  asOrganizer(server, 'mutation ($e: ID!, $q: ID!, $r: Reveal!) { setReveal(eventId: $e, questionId: $q, reveal: $r) { reveal } }', {
    e: question.eventId,
    q: question.id,
    r: value,
  });

describe('ALWAYS', () => {
  it('shows the results to anyone with the API key', async () => {
    const { question } = await createQuestion(server);
    expect((await results(question)).body.data.results).toEqual({ totalVotes: 0 });
  });
});

describe('AFTER_VOTE', () => {
  it('hides the results from a participant who has not answered', async () => {
    const { event, question } = await createQuestion(server, { question: { resultsVisibility: 'AFTER_VOTE' } });
    expect(errorOf(await results(question, await join(server, event)))).toMatchObject({
      errorType: 'ResultsHidden',
      message: 'The results of this question are shown once you have answered',
    });
  });

  it('shows the results in the answer to the vote and afterwards', async () => {
    const { event, question } = await createQuestion(server, { question: { resultsVisibility: 'AFTER_VOTE' } });
    const participantId = await join(server, event);
    expect((await castVote(server, question, participantId, ['o1'])).body.data.castVote.results.totalVotes).toBe(1);
    expect((await results(question, participantId)).body.data.results).toEqual({ totalVotes: 1 });
  });
});

describe('AFTER_CLOSE', () => {
  it('answers a vote without the results while the question is open', async () => {
    const { event, question } = await createQuestion(server, { question: { resultsVisibility: 'AFTER_CLOSE' } });
    expect((await castVote(server, question, await join(server, event), ['o1'])).body.data.castVote).toMatchObject({ optionIds: ['o1'], results: null });
  });

  it('hides the results from the audience until the question closes, then shows them', async () => {
    const { event, question } = await createQuestion(server, { question: { resultsVisibility: 'AFTER_CLOSE' } });
    await castVote(server, question, await join(server, event), ['o1']);
    expect(errorOf(await results(question))).toMatchObject({ errorType: 'ResultsHidden', message: 'The results of this question are shown when it closes' });
    await questionAction(server, 'closeQuestion', event.id, question.id);
    expect((await results(question)).body.data.results).toEqual({ totalVotes: 1 });
  });

  it('shows organizers the results while the question is open', async () => {
    const { event, question } = await createQuestion(server, { question: { resultsVisibility: 'AFTER_CLOSE' } });
    await castVote(server, question, await join(server, event), ['o2']);
    expect((await asOrganizer(server, RESULTS, { e: event.id, q: question.id })).body.data.results).toEqual({ totalVotes: 1 });
  });
});

describe('the presenter’s reveal', () => {
  it('SHOWN shows the results of an AFTER_CLOSE question to everyone now', async () => {
    const { question } = await createQuestion(server, { question: { resultsVisibility: 'AFTER_CLOSE' } });
    await reveal(question, 'SHOWN');
    expect((await results(question)).body.data.results).toEqual({ totalVotes: 0 });
  });

  it('HIDDEN hides the results of a closed question from the audience', async () => {
    const { event, question } = await createQuestion(server);
    await questionAction(server, 'closeQuestion', event.id, question.id);
    await reveal(question, 'HIDDEN');
    expect(errorOf(await results(question))).toMatchObject({ errorType: 'ResultsHidden', message: 'The presenter has hidden the results for now' });
  });

  it('HIDDEN answers votes without the results, so the big screen gets none pushed', async () => {
    const { event, question } = await createQuestion(server);
    await reveal(question, 'HIDDEN');
    expect((await castVote(server, question, await join(server, event), ['o1'])).body.data.castVote.results).toBeNull();
  });

  it('HIDDEN still shows organizers the results', async () => {
    const { question } = await createQuestion(server);
    await reveal(question, 'HIDDEN');
    expect((await asOrganizer(server, RESULTS, { e: question.eventId, q: question.id })).body.data.results).toEqual({ totalVotes: 0 });
  });

  it('AUTO follows resultsVisibility again', async () => {
    const { question } = await createQuestion(server, { question: { resultsVisibility: 'AFTER_CLOSE' } });
    await reveal(question, 'SHOWN');
    await reveal(question, 'AUTO');
    expect(errorOf(await results(question))).toMatchObject({ errorType: 'ResultsHidden' });
  });

  it('a participant can never reveal', async () => {
    const { question } = await createQuestion(server);
    const answer = await graphql(server, 'mutation ($e: ID!, $q: ID!) { setReveal(eventId: $e, questionId: $q, reveal: SHOWN) { reveal } }', { e: question.eventId, q: question.id });
    expect(errorOf(answer)).toMatchObject({ errorType: 'Unauthorized' });
  });
});
