// Word clouds: up to 3 words or phrases per participant, normalised, counted on
// sharded tallies exactly once (also when allowChange lets a participant change them).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { asOrganizer, graphql, startHandsUp } from '../support/local-appsync.ts';

let server: LocalAppSync;
beforeAll(async () => {
  server = await startHandsUp();
});
afterAll(() => server?.close());

type Cloud = { eventId: string; questionId: string; code: string };
const errorOf = (answer: { body: { errors?: any[] } }) => answer.body.errors?.[0];
const ok = <T>(answer: { body: { data: T; errors?: any[] } }): T => {
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.data;
};

/** An event with one word cloud question, opened unless told otherwise. */
async function createCloud({ profanityFilter = false, allowChange = false, open = true, type = 'WORD_CLOUD' } = {}): Promise<Cloud> {
  const question = type === 'WORD_CLOUD' ? { type, title: 'One word for this talk', profanityFilter, allowChange } : { type, title: 'Pick', options: ['A', 'B'] };
  const created = ok(
    await asOrganizer(server, 'mutation ($input: CreateEventInput!) { createEvent(input: $input) { id code questions { id } } }', {
      input: { title: 'Keynote', questions: [question] },
    }),
  ) as any;
  const cloud = { eventId: created.createEvent.id, questionId: created.createEvent.questions[0].id, code: created.createEvent.code };
  if (open) await questionAction(cloud, 'openQuestion');
  return cloud;
}

async function questionAction(cloud: Cloud, action: 'openQuestion' | 'closeQuestion' | 'resetQuestion') {
  ok(await asOrganizer(server, `mutation ($e: ID!, $q: ID!) { ${action}(eventId: $e, questionId: $q) { state } }`, { e: cloud.eventId, q: cloud.questionId }));
}

async function join(cloud: Cloud): Promise<string> {
  return (ok(await graphql(server, 'mutation ($code: String!) { joinEvent(code: $code) { participantId } }', { code: cloud.code })) as any).joinEvent.participantId;
}

const SUBMIT = `mutation ($e: ID!, $q: ID!, $p: ID!, $words: [String!]!) {
  submitWords(eventId: $e, questionId: $q, participantId: $p, words: $words) {
    eventId questionId round words seq results { totalVotes voters words { word count } } } }`;
const submit = (cloud: Cloud, participantId: string, words: string[]) =>
  graphql(server, SUBMIT, { e: cloud.eventId, q: cloud.questionId, p: participantId, words });

const RESULTS = 'query ($e: ID!, $q: ID!) { results(eventId: $e, questionId: $q) { type totalVotes voters words { word count } } }';
const results = async (cloud: Cloud) => (ok(await graphql(server, RESULTS, { e: cloud.eventId, q: cloud.questionId })) as any).results;

describe('submitWords', () => {
  it('counts words as normalised: trimmed, whitespace collapsed, lower case, NFC', async () => {
    const cloud = await createCloud();
    const answer = ok(await submit(cloud, await join(cloud), ['  Machine \t  Learning ', 'Cafe\u0301'])) as any;
    expect(answer.submitWords.words).toEqual(['machine learning', 'caf\u00e9']);
    expect((await results(cloud)).words).toEqual([{ word: 'café', count: 1 }, { word: 'machine learning', count: 1 }]);
  });

  it('counts a word once per participant when an answer repeats it in another case', async () => {
    const cloud = await createCloud();
    ok(await submit(cloud, await join(cloud), ['AI', 'ai ', 'Cloud']));
    expect(await results(cloud)).toMatchObject({ totalVotes: 2, voters: 1, words: [{ word: 'ai', count: 1 }, { word: 'cloud', count: 1 }] });
  });

  it('lists the most frequent words first', async () => {
    const cloud = await createCloud();
    const answers = [['fast'], ['fast', 'fun'], ['fast', 'fun', 'zen']];
    for (const words of answers) ok(await submit(cloud, await join(cloud), words));
    expect((await results(cloud)).words).toEqual([{ word: 'fast', count: 3 }, { word: 'fun', count: 2 }, { word: 'zen', count: 1 }]);
  });

  it('lists at most 100 words', async () => {
    const cloud = await createCloud();
    const participants = await Promise.all(Array.from({ length: 35 }, () => join(cloud)));
    await Promise.all(participants.map((p, i) => submit(cloud, p, [`w${i}a`, `w${i}b`, `w${i}c`])));
    const cloudResults = await results(cloud);
    expect(cloudResults.totalVotes).toBe(105);
    expect(cloudResults.words).toHaveLength(100);
  });

  it('refuses no words, more than 3, an empty one and one over 40 characters, each with a sentence', async () => {
    const cloud = await createCloud();
    const participantId = await join(cloud);
    const refusals = await Promise.all([[], ['a', 'b', 'c', 'd'], ['ok', '   '], ['x'.repeat(41)]].map((words) => submit(cloud, participantId, words)));
    expect(refusals.map((answer) => errorOf(answer))).toMatchObject([
      { errorType: 'BadRequest', message: 'Send at least one word' },
      { errorType: 'BadRequest', message: 'Send at most 3 words or phrases' },
      { errorType: 'BadRequest', message: 'One of the words is empty' },
      { errorType: 'BadRequest', message: 'A word or phrase has at most 40 characters' },
    ]);
    expect((await results(cloud)).voters).toBe(0);
  });

  it('hides profane words from the results when the question filters them', async () => {
    const cloud = await createCloud({ profanityFilter: true });
    ok(await submit(cloud, await join(cloud), ['Shit', 'great', 'holy shit']));
    expect((await results(cloud)).words).toEqual([{ word: 'great', count: 1 }]);
  });

  it('shows every word when the question does not filter', async () => {
    const cloud = await createCloud();
    ok(await submit(cloud, await join(cloud), ['Shit', 'great']));
    expect((await results(cloud)).words.map((w: any) => w.word)).toEqual(['great', 'shit']);
  });

  it('answers a repeat of the same words as the first and counts them once', async () => {
    const cloud = await createCloud();
    const participantId = await join(cloud);
    ok(await submit(cloud, participantId, ['alpha', 'beta']));
    const repeat = ok(await submit(cloud, participantId, ['Beta', 'alpha'])) as any;
    expect(repeat.submitWords).toMatchObject({ seq: 1, results: { totalVotes: 2, voters: 1 } });
  });

  it('counts a participant once when the same words are sent many times at once', async () => {
    const cloud = await createCloud();
    const participantId = await join(cloud);
    await Promise.all(Array.from({ length: 8 }, () => submit(cloud, participantId, ['once'])));
    expect((await results(cloud)).words).toEqual([{ word: 'once', count: 1 }]);
  });

  it('counts simultaneous answers of many participants exactly', async () => {
    const cloud = await createCloud();
    const participants = await Promise.all(Array.from({ length: 48 }, () => join(cloud)));
    const answers = await Promise.all(participants.map((p, i) => submit(cloud, p, [['red', 'green', 'blue'][i % 3]!])));
    expect(answers.filter((a) => a.body.errors)).toEqual([]);
    expect(await results(cloud)).toMatchObject({
      voters: 48,
      words: [{ word: 'blue', count: 16 }, { word: 'green', count: 16 }, { word: 'red', count: 16 }],
    });
  });

  it('refuses other words from a participant who answered when changes are not allowed', async () => {
    const cloud = await createCloud();
    const participantId = await join(cloud);
    ok(await submit(cloud, participantId, ['first']));
    expect(errorOf(await submit(cloud, participantId, ['second']))).toMatchObject({ errorType: 'AlreadyVoted' });
    expect((await results(cloud)).words).toEqual([{ word: 'first', count: 1 }]);
  });

  it('replaces a participant’s words when changes are allowed: the old ones go down as the new ones go up', async () => {
    const cloud = await createCloud({ allowChange: true });
    const participantId = await join(cloud);
    ok(await submit(cloud, participantId, ['keep', 'drop']));
    const changed = ok(await submit(cloud, participantId, ['keep', 'new'])) as any;
    expect(changed.submitWords).toMatchObject({ seq: 2, words: ['keep', 'new'] });
    expect(await results(cloud)).toMatchObject({ voters: 1, totalVotes: 2, words: [{ word: 'keep', count: 1 }, { word: 'new', count: 1 }] });
  });

  it('refuses words while the question is not open', async () => {
    const cloud = await createCloud({ open: false });
    expect(errorOf(await submit(cloud, await join(cloud), ['early']))).toMatchObject({ errorType: 'QuestionNotOpen' });
  });

  it('refuses a change once the question is closed', async () => {
    const cloud = await createCloud({ allowChange: true });
    const participantId = await join(cloud);
    ok(await submit(cloud, participantId, ['before']));
    await questionAction(cloud, 'closeQuestion');
    expect(errorOf(await submit(cloud, participantId, ['after']))).toMatchObject({ errorType: 'QuestionNotOpen' });
  });

  it('refuses words for a question of another type', async () => {
    const cloud = await createCloud({ type: 'MULTIPLE_CHOICE' });
    expect(errorOf(await submit(cloud, await join(cloud), ['words']))).toMatchObject({ errorType: 'BadRequest' });
  });

  it('refuses a participant id the server never minted', async () => {
    const cloud = await createCloud();
    expect(errorOf(await submit(cloud, '00000000-0000-4000-8000-000000000000', ['who']))).toMatchObject({ errorType: 'NotParticipant' });
  });

  it('starts a new cloud after a reset', async () => {
    const cloud = await createCloud();
    ok(await submit(cloud, await join(cloud), ['old']));
    await questionAction(cloud, 'resetQuestion');
    await questionAction(cloud, 'openQuestion');
    ok(await submit(cloud, await join(cloud), ['new']));
    expect((await results(cloud)).words).toEqual([{ word: 'new', count: 1 }]);
  });
});

describe('exportQuestion', () => {
  it('exports a word cloud as words with their counts', async () => {
    const cloud = await createCloud();
    ok(await submit(cloud, await join(cloud), ['=cmd', 'fun']));
    ok(await submit(cloud, await join(cloud), ['fun']));
    const csv = (ok(await asOrganizer(server, 'query ($e: ID!, $q: ID!) { exportQuestion(eventId: $e, questionId: $q) }', { e: cloud.eventId, q: cloud.questionId })) as any)
      .exportQuestion as string;
    expect(csv).toContain('Word,Count\nfun,2\n\'=cmd,1\n');
  });
});
