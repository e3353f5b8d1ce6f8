// An event's life: created with its questions, edited, duplicated, deleted; the
// presenter moving between questions; joining by code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { asOrganizer, castVote, createEvent, createQuestion, eventAction, graphql, join, startHandsUp } from '../support/local-appsync.ts';

let server: LocalAppSync;
beforeAll(async () => {
  server = await startHandsUp();
});
afterAll(() => server?.close());

const errorOf = (answer: { body: { errors?: any[] } }) => answer.body.errors?.[0];
const MC = { type: 'MULTIPLE_CHOICE', title: 'Lunch?', options: ['Ramen', 'Sushi'] };
const EVENT = 'id title questionIds currentQuestionId questions { id title type state round answered options { id label } }';

describe('creating an event', () => {
  it('makes one six-character code for the whole talk and every question a draft in round 1', async () => {
    const event = await createEvent(server, { questions: [MC, { type: 'RATING', title: 'How was it?' }, { type: 'WORD_CLOUD', title: 'One word' }, { type: 'QA', title: 'Ask' }] });
    expect(event.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(event.currentQuestionId).toBeNull();
    expect(event.questions.map((q) => [q.type, q.state, q.round])).toEqual([
      ['MULTIPLE_CHOICE', 'DRAFT', 1],
      ['RATING', 'DRAFT', 1],
      ['WORD_CLOUD', 'DRAFT', 1],
      ['QA', 'DRAFT', 1],
    ]);
    expect(event.questionIds).toEqual(event.questions.map((q) => q.id));
  });

  it('gives a rating question the scale values as options r1..rN', async () => {
    const event = await createEvent(server, { questions: [{ type: 'RATING', title: 'Rate', scale: 10 }] });
    expect(event.questions[0]!.options.map((o) => `${o.id}=${o.label}`)).toEqual(['r1=1', 'r2=2', 'r3=3', 'r4=4', 'r5=5', 'r6=6', 'r7=7', 'r8=8', 'r9=9', 'r10=10']);
  });

  it('gives each event its own code', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 10; i++) codes.add((await createEvent(server)).code);
    expect(codes.size).toBe(10);
  });

  it('lists events newest first for organizers', async () => {
    const first = await createEvent(server, { title: 'First' });
    const second = await createEvent(server, { title: 'Second' });
    const ids = (await asOrganizer(server, '{ events { id } }')).body.data.events.map((e: { id: string }) => e.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
  });
});

describe('editing', () => {
  it('renames an event', async () => {
    const event = await createEvent(server);
    const answer = await asOrganizer(server, 'mutation ($id: ID!) { updateEvent(id: $id, title: "  Day 2  ") { title } }', { id: event.id });
    expect(answer.body.data.updateEvent).toEqual({ title: 'Day 2' });
  });

  it('adds a question at the end', async () => {
    const event = await createEvent(server, { questions: [MC] });
    const answer = await asOrganizer(server, `mutation ($e: ID!, $i: QuestionInput!) { addQuestion(eventId: $e, input: $i) { ${EVENT} } }`, {
      e: event.id,
      i: { type: 'RATING', title: 'Rate' },
    });
    expect(answer.body.data.addQuestion.questions.map((q: { title: string }) => q.title)).toEqual(['Lunch?', 'Rate']);
  });

  it('changes a question that has no answers yet', async () => {
    const event = await createEvent(server, { questions: [MC] });
    const answer = await asOrganizer(server, `mutation ($e: ID!, $q: ID!, $i: QuestionInput!) { updateQuestion(eventId: $e, questionId: $q, input: $i) { ${EVENT} } }`, {
      e: event.id,
      q: event.questionIds[0],
      i: { ...MC, title: 'Dinner?', options: ['Pasta', 'Pizza', 'Salad'], maxChoices: 2 },
    });
    expect(answer.body.data.updateQuestion.questions[0]).toMatchObject({ title: 'Dinner?', options: [{ label: 'Pasta' }, { label: 'Pizza' }, { label: 'Salad' }] });
  });

  it('refuses to change a question once it has answers', async () => {
    const { event, question } = await createQuestion(server);
    await castVote(server, question, await join(server, event), ['o1']);
    const answer = await asOrganizer(server, 'mutation ($e: ID!, $q: ID!, $i: QuestionInput!) { updateQuestion(eventId: $e, questionId: $q, input: $i) { id } }', {
      e: event.id,
      q: question.id,
      i: { ...MC, title: 'Changed' },
    });
    expect(errorOf(answer)).toMatchObject({ errorType: 'InvalidState', message: 'This question has answers: reset it or duplicate it to change it' });
  });

  it('duplicates a question right after the original, as a fresh draft', async () => {
    const { event, question } = await createQuestion(server);
    await castVote(server, question, await join(server, event), ['o1']);
    const duplicated = await eventAction(server, 'duplicateQuestion', event.id, question.id);
    expect(duplicated.questions).toHaveLength(2);
    expect(duplicated.questions[1]).toMatchObject({ title: 'Best talk', state: 'DRAFT', round: 1, answered: false });
    expect(duplicated.questions[1]!.id).not.toBe(question.id);
  });

  it('moves a question to another position', async () => {
    const event = await createEvent(server, { questions: [{ ...MC, title: 'One' }, { ...MC, title: 'Two' }, { ...MC, title: 'Three' }] });
    const answer = await asOrganizer(server, `mutation ($e: ID!, $q: ID!) { moveQuestion(eventId: $e, questionId: $q, position: 0) { ${EVENT} } }`, {
      e: event.id,
      q: event.questionIds[2],
    });
    expect(answer.body.data.moveQuestion.questions.map((q: { title: string }) => q.title)).toEqual(['Three', 'One', 'Two']);
  });

  it('removes a question, and takes it off the screen if it was on', async () => {
    const { event, question } = await createQuestion(server);
    const removed = await eventAction(server, 'removeQuestion', event.id, question.id);
    expect(removed).toMatchObject({ questionIds: [], currentQuestionId: null, questions: [] });
  });

  it('duplicates an event for the same talk tomorrow: a new code, every question a draft with no answers', async () => {
    const { event, question } = await createQuestion(server, { question: { title: 'Q1' } });
    await castVote(server, question, await join(server, event), ['o2']);
    const answer = await asOrganizer(server, `mutation ($id: ID!) { duplicateEvent(id: $id) { code ${EVENT} } }`, { id: event.id });
    const copy = answer.body.data.duplicateEvent;
    expect(copy.code).not.toBe(event.code);
    expect(copy).toMatchObject({ title: 'Keynote (copy)', currentQuestionId: null, questions: [{ title: 'Q1', state: 'DRAFT', round: 1, answered: false }] });
    const results = await graphql(server, 'query ($e: ID!, $q: ID!) { results(eventId: $e, questionId: $q) { totalVotes } }', { e: copy.id, q: copy.questionIds[0] });
    expect(results.body.data.results).toEqual({ totalVotes: 0 });
  });
});

describe('the presenter', () => {
  it('puts a question on: the event says which one', async () => {
    const event = await createEvent(server, { questions: [MC, MC] });
    const moved = await eventAction(server, 'goToQuestion', event.id, event.questionIds[1]!);
    expect(moved.currentQuestionId).toBe(event.questionIds[1]);
  });

  it('cannot put on a question of another event', async () => {
    const event = await createEvent(server, { questions: [MC] });
    const other = await createEvent(server, { questions: [MC] });
    const answer = await asOrganizer(server, 'mutation ($e: ID!, $q: ID!) { goToQuestion(eventId: $e, questionId: $q) { id } }', { e: event.id, q: other.questionIds[0] });
    expect(errorOf(answer)).toMatchObject({ errorType: 'NotFound', message: `Event ${event.id} has no question ${other.questionIds[0]}` });
  });
});

describe('joining', () => {
  it('finds the event from its code typed in lower case with spaces, and a late joiner sees the question on now', async () => {
    const { event, question } = await createQuestion(server);
    const typed = `${event.code.slice(0, 3)} ${event.code.slice(3)}`.toLowerCase();
    const answer = await graphql(server, 'mutation ($c: String!) { joinEvent(code: $c) { eventId participantId } }', { c: typed });
    expect(answer.body.data.joinEvent.eventId).toBe(event.id);
    const byCode = await graphql(server, 'query ($c: String!) { eventByCode(code: $c) { currentQuestionId } }', { c: typed });
    expect(byCode.body.data.eventByCode.currentQuestionId).toBe(question.id);
  });

  it('refuses a code no event has', async () => {
    const answer = await graphql(server, 'mutation { joinEvent(code: "ZZZZZZ") { participantId } }');
    expect(errorOf(answer)).toMatchObject({ errorType: 'NotFound', message: 'No event has the code ZZZZZZ' });
  });

  it('mints a different participant for each join', async () => {
    const event = await createEvent(server);
    expect(await join(server, event)).not.toBe(await join(server, event));
  });
});

describe('deletion', () => {
  it('removes the event and frees its code', async () => {
    const { event } = await createQuestion(server);
    await asOrganizer(server, 'mutation ($id: ID!) { deleteEvent(id: $id) { id } }', { id: event.id });
    expect((await graphql(server, 'query ($id: ID!) { event(id: $id) { id } }', { id: event.id })).body).toEqual({ data: { event: null } });
    const byCode = await graphql(server, 'query ($c: String!) { eventByCode(code: $c) { id } }', { c: event.code });
    expect(errorOf(byCode)).toMatchObject({ errorType: 'NotFound' });
  });

  it('refuses votes for a deleted event', async () => {
    const { event, question } = await createQuestion(server);
    const participantId = await join(server, event);
    await asOrganizer(server, 'mutation ($id: ID!) { deleteEvent(id: $id) { id } }', { id: event.id });
    expect(errorOf(await castVote(server, question, participantId, ['o1']))).toMatchObject({ errorType: 'NotFound', message: `Event ${event.id} does not exist` });
  });
});

describe('counts', () => {
  it('eventStats says how many joined and how many answered the question on now', async () => {
    const { event, question } = await createQuestion(server);
    const voters = [await join(server, event), await join(server, event), await join(server, event)];
    await castVote(server, question, voters[0]!, ['o1']);
    await castVote(server, question, voters[1]!, ['o2']);
    const stats = await graphql(server, 'query ($e: ID!) { eventStats(eventId: $e) { eventId joined currentQuestionId voters } }', { e: event.id });
    expect(stats.body.data.eventStats).toEqual({ eventId: event.id, joined: 3, currentQuestionId: question.id, voters: 2 });
  });
});
