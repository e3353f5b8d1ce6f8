// What phones, the big screen and the organizers' console get pushed: the presenter's
// moves, question changes, answers (only to those who may see the results), the event list.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { asOrganizer, castVote, createEvent, createQuestion, eventAction, join, organizerToken, questionAction, startHandsUp } from '../support/local-appsync.ts';
import { ProtocolClient } from '../support/protocol-client.ts';

let server: LocalAppSync;
let client: ProtocolClient;
beforeAll(async () => {
  server = await startHandsUp();
});
afterAll(() => server?.close());
afterEach(() => client?.close());

const connect = async () => {
  client = await ProtocolClient.connect(server.realtimeUrl, { apiKey: server.apiKey });
  await client.init();
  return client;
};

/** A start with the organizer's token instead of the API key. */
async function subscribeAsOrganizer(id: string, query: string, variables: Record<string, unknown> = {}) {
  const authorization = { host: 'localhost', Authorization: await organizerToken(server) };
  client.send({ id, type: 'start', payload: { data: JSON.stringify({ query, variables }), extensions: { authorization } } });
  return client.expect('start_ack', id);
}

describe('onEventChanged', () => {
  it('tells the phones which question the presenter put on', async () => {
    const event = await createEvent(server, { questions: [{ type: 'RATING', title: 'One' }, { type: 'RATING', title: 'Two' }] });
    await connect();
    await client.subscribe('e', 'subscription ($id: ID!) { onEventChanged(id: $id) { id currentQuestionId } }', { id: event.id });
    await eventAction(server, 'goToQuestion', event.id, event.questionIds[1]!);
    expect((await client.expect('data', 'e')).payload.data.onEventChanged).toEqual({ id: event.id, currentQuestionId: event.questionIds[1] });
  });
});

describe('onQuestionChanged', () => {
  it('tells the phones and the screen when a question opens', async () => {
    const { event, question } = await createQuestion(server, { open: false });
    await connect();
    await client.subscribe('q', 'subscription ($e: ID!) { onQuestionChanged(eventId: $e) { id state reveal } }', { e: event.id });
    await questionAction(server, 'openQuestion', event.id, question.id);
    expect((await client.expect('data', 'q')).payload.data.onQuestionChanged).toEqual({ id: question.id, state: 'OPEN', reveal: 'AUTO' });
  });
});

describe('onAnswer', () => {
  const ON_ANSWER = 'subscription ($e: ID!, $q: ID!) { onAnswer(eventId: $e, questionId: $q) { optionIds results { totalVotes } } }';

  it('pushes each answer with the results to the big screen', async () => {
    const { event, question } = await createQuestion(server);
    await connect();
    await client.subscribe('a', ON_ANSWER, { e: event.id, q: question.id });
    await castVote(server, question, await join(server, event), ['o2']);
    expect((await client.expect('data', 'a')).payload.data.onAnswer).toEqual({ optionIds: ['o2'], results: { totalVotes: 1 } });
  });

  it('refuses the audience while the presenter hides the results', async () => {
    const { event, question } = await createQuestion(server);
    await asOrganizer(server, 'mutation ($e: ID!, $q: ID!) { setReveal(eventId: $e, questionId: $q, reveal: HIDDEN) { reveal } }', { e: event.id, q: question.id });
    await connect();
    client.start('a', ON_ANSWER, { e: event.id, q: question.id });
    const refused = await client.expect('error', 'a');
    expect(refused.payload.errors[0]).toMatchObject({ errorType: 'Unauthorized', message: 'The presenter has hidden the results for now' });
  });

  it('lets an organizer follow an AFTER_CLOSE question live', async () => {
    const { event, question } = await createQuestion(server, { question: { resultsVisibility: 'AFTER_CLOSE' } });
    await connect();
    await subscribeAsOrganizer('a', ON_ANSWER, { e: event.id, q: question.id });
    await castVote(server, question, await join(server, event), ['o1']);
    // The voter may not see the results yet, so the push carries none: the presenter view reads them.
    expect((await client.expect('data', 'a')).payload.data.onAnswer).toEqual({ optionIds: ['o1'], results: null });
  });
});

describe('onEventsChanged', () => {
  it('keeps the organizers’ event list live', async () => {
    await connect();
    await subscribeAsOrganizer('list', 'subscription { onEventsChanged { id title } }');
    const event = await createEvent(server, { title: 'Live list' });
    expect((await client.expect('data', 'list')).payload.data.onEventsChanged).toEqual({ id: event.id, title: 'Live list' });
  });

  it('is not for the audience', async () => {
    await connect();
    client.start('list', 'subscription { onEventsChanged { id } }');
    expect((await client.expect('error', 'list')).payload.errors[0]).toMatchObject({ errorType: 'Unauthorized' });
  });
});
