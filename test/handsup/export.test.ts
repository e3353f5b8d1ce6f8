// CSV a person opens in a spreadsheet: per question and for the whole event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { asOrganizer, castVote, createQuestion, graphql, join, startHandsUp } from '../support/local-appsync.ts';

let server: LocalAppSync;
beforeAll(async () => {
  server = await startHandsUp();
});
afterAll(() => server?.close());

/** The export without its time line, which changes each run. */
const withoutTime = (csv: string) => csv.replace(/^Exported at,\d{4}-\d\d-\d\dT[\d:.]+Z$/gm, 'Exported at,<time>');

describe('exportQuestion', () => {
  it('gives title, round, export time, then label, votes and percentage per option, and the total', async () => {
    const { event, question } = await createQuestion(server, { question: { title: 'Lunch', options: ['Plain', 'Comma, here', 'Say "hi"'] } });
    for (const optionId of ['o2', 'o2', 'o3']) await castVote(server, question, await join(server, event), [optionId]);
    const answer = await asOrganizer(server, 'query ($e: ID!, $q: ID!) { exportQuestion(eventId: $e, questionId: $q) }', { e: event.id, q: question.id });
    expect(withoutTime(answer.body.data.exportQuestion)).toBe(
      'Question,Lunch\nRound,1\nExported at,<time>\nLabel,Votes,Percentage\nPlain,0,0%\n"Comma, here",2,66.7%\n"Say ""hi""",1,33.3%\nTotal,3\nParticipants,3\n',
    );
  });

  it('neutralises cells a spreadsheet would run as a formula', async () => {
    const { event, question } = await createQuestion(server, { question: { title: '=HYPERLINK("x")', options: ['+1', '-1', '@SUM(A1)'] } });
    const answer = await asOrganizer(server, 'query ($e: ID!, $q: ID!) { exportQuestion(eventId: $e, questionId: $q) }', { e: event.id, q: question.id });
    const rows = answer.body.data.exportQuestion.split('\n');
    expect(rows[0]).toBe(`Question,"'=HYPERLINK(""x"")"`);
    expect(rows.slice(4, 7)).toEqual(["'+1,0,0%", "'-1,0,0%", "'@SUM(A1),0,0%"]);
  });

  it('is for organizers only', async () => {
    const { event, question } = await createQuestion(server);
    const answer = await graphql(server, 'query ($e: ID!, $q: ID!) { exportQuestion(eventId: $e, questionId: $q) }', { e: event.id, q: question.id });
    expect(answer.body.errors?.[0]).toMatchObject({ errorType: 'Unauthorized' });
  });
});

describe('exportEvent', () => {
  it('gives every question one after another, a rating with its average', async () => {
    const { event, question } = await createQuestion(server, { question: { title: 'First' } });
    const added = await asOrganizer(server, 'mutation ($e: ID!, $i: QuestionInput!) { addQuestion(eventId: $e, input: $i) { questions { id eventId } } }', {
      e: event.id,
      i: { type: 'RATING', title: 'Second' },
    });
    const rating = added.body.data.addQuestion.questions[1];
    await asOrganizer(server, 'mutation ($e: ID!, $q: ID!) { openQuestion(eventId: $e, questionId: $q) { state } }', { e: event.id, q: rating.id });
    await castVote(server, question, await join(server, event), ['o1']);
    await castVote(server, rating, await join(server, event), ['r4']);
    const answer = await asOrganizer(server, 'query ($e: ID!) { exportEvent(eventId: $e) }', { e: event.id });
    const sections = withoutTime(answer.body.data.exportEvent).split('\n\n');
    expect(sections.map((section: string) => section.split('\n')[0])).toEqual(['Question,First', 'Question,Second']);
    expect(sections[1]).toContain('4,1,100%\n5,0,0%\nTotal,1\nParticipants,1\nAverage,4\n');
  });
});
