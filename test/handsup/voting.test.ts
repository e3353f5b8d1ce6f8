// One answer per participant per question per round, counted exactly once; single
// and multiple choice, ratings, and changes where the question allows them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { castVote, createQuestion, graphql, join, questionAction, startHandsUp, type TestQuestion } from '../support/local-appsync.ts';

let server: LocalAppSync;
beforeAll(async () => {
  server = await startHandsUp();
});
afterAll(() => server?.close());

const errorOf = (answer: { body: { errors?: any[] } }) => answer.body.errors?.[0];
const tally = async (question: TestQuestion) =>
  (
    await graphql(server, 'query ($e: ID!, $q: ID!) { results(eventId: $e, questionId: $q) { totalVotes voters average options { optionId votes } } }', {
      e: question.eventId,
      q: question.id,
    })
  ).body.data.results;
const votes = async (question: TestQuestion) => (await tally(question)).options.map((o: { votes: number }) => o.votes);

describe('single choice', () => {
  it('refuses a second vote for another option', async () => {
    const { event, question } = await createQuestion(server);
    const participantId = await join(server, event);
    await castVote(server, question, participantId, ['o1']);
    const second = await castVote(server, question, participantId, ['o2']);
    expect(errorOf(second)).toMatchObject({ errorType: 'AlreadyVoted', message: 'You have already answered this question' });
    expect(await votes(question)).toEqual([1, 0, 0]);
  });

  it('answers a repeat of the same vote as the first and counts it once', async () => {
    const { event, question } = await createQuestion(server);
    const participantId = await join(server, event);
    await castVote(server, question, participantId, ['o2']);
    const repeat = await castVote(server, question, participantId, ['o2']);
    expect(repeat.body.data.castVote).toMatchObject({ optionIds: ['o2'], round: 1, seq: 1, results: { totalVotes: 1, voters: 1 } });
  });

  it('refuses two options when one is allowed', async () => {
    const { event, question } = await createQuestion(server);
    const answer = await castVote(server, question, await join(server, event), ['o1', 'o2']);
    expect(errorOf(answer)).toMatchObject({ errorType: 'BadRequest', message: 'Choose at most 1 option' });
  });

  it('refuses a participant id the server never minted', async () => {
    const { question } = await createQuestion(server);
    const answer = await castVote(server, question, '00000000-0000-4000-8000-000000000000', ['o1']);
    expect(errorOf(answer)).toMatchObject({ errorType: 'NotParticipant' });
  });

  it('refuses a participant of another event', async () => {
    const { question } = await createQuestion(server);
    const other = await createQuestion(server);
    expect(errorOf(await castVote(server, question, await join(server, other.event), ['o1']))).toMatchObject({ errorType: 'NotParticipant' });
  });

  it('counts simultaneous votes of many participants exactly', async () => {
    const { event, question } = await createQuestion(server);
    const participants = await Promise.all(Array.from({ length: 60 }, () => join(server, event)));
    const answers = await Promise.all(participants.map((p, i) => castVote(server, question, p, [`o${(i % 3) + 1}`])));
    expect(answers.filter((a) => a.body.errors)).toEqual([]);
    expect(await tally(question)).toEqual({
      totalVotes: 60,
      voters: 60,
      average: null,
      options: [{ optionId: 'o1', votes: 20 }, { optionId: 'o2', votes: 20 }, { optionId: 'o3', votes: 20 }],
    });
  });

  it('counts a participant once when the same vote is sent many times at once', async () => {
    const { event, question } = await createQuestion(server);
    const participantId = await join(server, event);
    await Promise.all(Array.from({ length: 8 }, () => castVote(server, question, participantId, ['o1'])));
    expect(await tally(question)).toMatchObject({ totalVotes: 1, voters: 1 });
  });
});

describe('multiple choice', () => {
  it('counts up to maxChoices options of one participant, each once, as one voter', async () => {
    const { event, question } = await createQuestion(server, { question: { maxChoices: 2 } });
    await castVote(server, question, await join(server, event), ['o1', 'o3']);
    await castVote(server, question, await join(server, event), ['o3']);
    expect(await tally(question)).toMatchObject({ totalVotes: 3, voters: 2, options: [{ votes: 1 }, { votes: 0 }, { votes: 2 }] });
  });

  it('refuses more options than maxChoices', async () => {
    const { event, question } = await createQuestion(server, { question: { maxChoices: 2 } });
    expect(errorOf(await castVote(server, question, await join(server, event), ['o1', 'o2', 'o3']))).toMatchObject({
      errorType: 'BadRequest',
      message: 'Choose at most 2 options',
    });
  });

  it('refuses the same option twice in one answer', async () => {
    const { event, question } = await createQuestion(server, { question: { maxChoices: 2 } });
    expect(errorOf(await castVote(server, question, await join(server, event), ['o1', 'o1']))).toMatchObject({ message: 'An option is chosen twice' });
  });
});

describe('rating', () => {
  it('shows the distribution and the average of the scale values', async () => {
    const { event, question } = await createQuestion(server, { question: { type: 'RATING', title: 'How was it?', scale: 5 } });
    for (const value of ['r5', 'r4', 'r4', 'r1']) await castVote(server, question, await join(server, event), [value]);
    expect(await tally(question)).toMatchObject({ totalVotes: 4, voters: 4, average: 3.5, options: [{ votes: 1 }, { votes: 0 }, { votes: 0 }, { votes: 2 }, { votes: 1 }] });
  });
});

describe('changing an answer (allowChange)', () => {
  it('moves the count from the old choice to the new one, the voter counted once', async () => {
    const { event, question } = await createQuestion(server, { question: { allowChange: true } });
    const participantId = await join(server, event);
    await castVote(server, question, participantId, ['o1']);
    const changed = await castVote(server, question, participantId, ['o3']);
    expect(changed.body.data.castVote).toMatchObject({ optionIds: ['o3'], seq: 2 });
    expect(await tally(question)).toMatchObject({ totalVotes: 1, voters: 1, options: [{ votes: 0 }, { votes: 0 }, { votes: 1 }] });
  });

  it('moves only what changed in a multiple choice answer', async () => {
    const { event, question } = await createQuestion(server, { question: { allowChange: true, maxChoices: 2 } });
    const participantId = await join(server, event);
    await castVote(server, question, participantId, ['o1', 'o2']);
    await castVote(server, question, participantId, ['o2', 'o3']);
    expect(await tally(question)).toMatchObject({ totalVotes: 2, voters: 1, options: [{ votes: 0 }, { votes: 1 }, { votes: 1 }] });
  });

  it('counts many changes of many participants at once exactly', async () => {
    const { event, question } = await createQuestion(server, { question: { allowChange: true } });
    const participants = await Promise.all(Array.from({ length: 30 }, () => join(server, event)));
    await Promise.all(participants.map((p) => castVote(server, question, p, ['o1'])));
    await Promise.all(participants.map((p) => castVote(server, question, p, ['o2'])));
    await Promise.all(participants.slice(0, 10).map((p) => castVote(server, question, p, ['o3'])));
    expect(await tally(question)).toMatchObject({ totalVotes: 30, voters: 30, options: [{ votes: 0 }, { votes: 20 }, { votes: 10 }] });
  });

  it('refuses a change once the question is closed', async () => {
    const { event, question } = await createQuestion(server, { question: { allowChange: true } });
    const participantId = await join(server, event);
    await castVote(server, question, participantId, ['o1']);
    await questionAction(server, 'closeQuestion', event.id, question.id);
    expect(errorOf(await castVote(server, question, participantId, ['o2']))).toMatchObject({ errorType: 'QuestionNotOpen', message: 'This question is closed' });
  });
});

describe('states', () => {
  it('a draft refuses answers', async () => {
    const { event, question } = await createQuestion(server, { open: false });
    expect(errorOf(await castVote(server, question, await join(server, event), ['o1']))).toMatchObject({
      errorType: 'QuestionNotOpen',
      message: 'This question is not open for answers yet',
    });
  });

  it('an open question cannot be opened again', async () => {
    const { event, question } = await createQuestion(server);
    await expect(questionAction(server, 'openQuestion', event.id, question.id)).rejects.toThrow(`Question ${question.id} cannot be opened: it is open`);
  });

  it('closing stops answers and keeps the result', async () => {
    const { event, question } = await createQuestion(server);
    await castVote(server, question, await join(server, event), ['o2']);
    expect((await questionAction(server, 'closeQuestion', event.id, question.id)).state).toBe('CLOSED');
    expect(errorOf(await castVote(server, question, await join(server, event), ['o1']))).toMatchObject({ errorType: 'QuestionNotOpen' });
    expect(await tally(question)).toMatchObject({ totalVotes: 1 });
  });

  it('reset starts a new round as a draft with every count at zero, and lets everyone answer again', async () => {
    const { event, question } = await createQuestion(server);
    const participantId = await join(server, event);
    await castVote(server, question, participantId, ['o1']);
    expect(await questionAction(server, 'resetQuestion', event.id, question.id)).toMatchObject({ round: 2, state: 'DRAFT', answered: false });
    expect(await tally(question)).toMatchObject({ totalVotes: 0, voters: 0 });
    await questionAction(server, 'openQuestion', event.id, question.id);
    const again = await castVote(server, question, participantId, ['o3']);
    expect(again.body.data.castVote).toMatchObject({ optionIds: ['o3'], round: 2, seq: 1, results: { totalVotes: 1 } });
  });
});

describe('my answer', () => {
  const ANSWER = 'query ($e: ID!, $q: ID!, $p: ID!) { answer(eventId: $e, questionId: $q, participantId: $p) { round optionIds seq } }';

  it('tells a returning phone what it answered this round', async () => {
    const { event, question } = await createQuestion(server);
    const participantId = await join(server, event);
    await castVote(server, question, participantId, ['o3']);
    const answer = await graphql(server, ANSWER, { e: event.id, q: question.id, p: participantId });
    expect(answer.body.data.answer).toEqual({ round: 1, optionIds: ['o3'], seq: 1 });
  });

  it('is null after a reset', async () => {
    const { event, question } = await createQuestion(server);
    const participantId = await join(server, event);
    await castVote(server, question, participantId, ['o3']);
    await questionAction(server, 'resetQuestion', event.id, question.id);
    expect((await graphql(server, ANSWER, { e: event.id, q: question.id, p: participantId })).body.data.answer).toBeNull();
  });
});
