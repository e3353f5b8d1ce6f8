// Bad input stops at the API with a sentence (BadRequest), before the table:
// oversized or malformed ids, codes, titles, options.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { asOrganizer, createEvent, graphql, startHandsUp } from '../support/local-appsync.ts';

let server: LocalAppSync;
beforeAll(async () => {
  server = await startHandsUp();
});
afterAll(() => server?.close());

const errorOf = (answer: { body: { errors?: any[] } }) => answer.body.errors?.[0];
const HUGE = 'x'.repeat(500_000);
const CREATE = 'mutation ($i: CreateEventInput!) { createEvent(input: $i) { id } }';

describe('ids and codes', () => {
  it.each([
    ['a 500 KB event id', 'query ($v: ID!) { event(id: $v) { id } }', HUGE, 'The event id is not valid: at most 64 letters, digits and dashes'],
    [
      'a participant id with a #',
      'mutation ($v: ID!) { castVote(eventId: "e", questionId: "q", participantId: $v, optionIds: ["o1"]) { seq } }',
      'PARTICIPANT#x',
      'The participant id is not valid: at most 64 letters, digits and dashes',
    ],
    ['a 500 KB code', 'mutation ($v: String!) { joinEvent(code: $v) { participantId } }', HUGE, 'An event code has at most 16 letters and digits'],
    ['a code with punctuation', 'query ($v: String!) { eventByCode(code: $v) { id } }', 'AB;CD', 'An event code has at most 16 letters and digits'],
  ])('refuses %s', async (_what, query, value, message) => {
    expect(errorOf(await graphql(server, query, { v: value }))).toMatchObject({ errorType: 'BadRequest', message });
  });

  it('refuses an oversized option id in a vote', async () => {
    const answer = await graphql(server, 'mutation ($o: [ID!]!) { castVote(eventId: "e", questionId: "q", participantId: "p", optionIds: $o) { seq } }', { o: [HUGE] });
    expect(errorOf(answer)).toMatchObject({ errorType: 'BadRequest', message: 'The option id is not valid: at most 64 letters, digits and dashes' });
  });

  it('keeps serving after bad input', async () => {
    await graphql(server, 'query ($v: ID!) { event(id: $v) { id } }', { v: HUGE });
    expect((await graphql(server, 'query { event(id: "missing") { id } }')).body).toEqual({ data: { event: null } });
  });
});

describe('titles and options', () => {
  it.each([
    [{ title: '   ' }, 'An event needs a title'],
    [{ title: 'x'.repeat(201) }, 'An event title has at most 200 characters'],
    [{ title: 'T', questions: [{ type: 'MULTIPLE_CHOICE', title: 'Q', options: ['Only one'] }] }, 'A question has 2 to 10 options'],
    [{ title: 'T', questions: [{ type: 'MULTIPLE_CHOICE', title: 'Q', options: Array.from({ length: 11 }, (_, i) => `${i}`) }] }, 'A question has 2 to 10 options'],
    [{ title: 'T', questions: [{ type: 'MULTIPLE_CHOICE', title: 'Q', options: ['Fine', '  '] }] }, 'Every option needs a label'],
    [{ title: 'T', questions: [{ type: 'MULTIPLE_CHOICE', title: 'Q', options: ['Fine', 'x'.repeat(81)] }] }, 'An option label has at most 80 characters'],
    [{ title: 'T', questions: [{ type: 'MULTIPLE_CHOICE', title: 'Q', options: ['Yes', 'YES'] }] }, 'Two options have the same label'],
    [{ title: 'T', questions: [{ type: 'MULTIPLE_CHOICE', title: 'Q', options: ['A', 'B'], maxChoices: 3 }] }, 'maxChoices must be between 1 and the number of options (2)'],
    [{ title: 'T', questions: [{ type: 'RATING', title: 'Q', scale: 7 }] }, 'A rating scale is 5 or 10'],
    [{ title: 'T', questions: [{ type: 'RATING', title: ' ' }] }, 'A question needs a title'],
    [{ title: 'T', questions: Array.from({ length: 26 }, () => ({ type: 'RATING', title: 'Q' })) }, 'An event has at most 25 questions'],
  ])('refuses %j: %s', async (input, message) => {
    expect(errorOf(await asOrganizer(server, CREATE, { i: input }))).toMatchObject({ errorType: 'BadRequest', message });
  });

  it('refuses a position outside the list', async () => {
    const event = await createEvent(server, { questions: [{ type: 'RATING', title: 'Q' }] });
    const answer = await asOrganizer(server, 'mutation ($e: ID!, $q: ID!) { moveQuestion(eventId: $e, questionId: $q, position: 3) { id } }', { e: event.id, q: event.questionIds[0] });
    expect(errorOf(answer)).toMatchObject({ errorType: 'BadRequest', message: 'The position must be between 0 and 0' });
  });
});
