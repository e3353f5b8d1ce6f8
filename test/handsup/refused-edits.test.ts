// An edit refused because another organizer changed the event first (ConcurrentChange)
// leaves nothing behind: the question addQuestion or duplicateQuestion wrote before
// linking it is taken back. Read in the store itself (dynalite behind its HTTP API, the
// server's engine), since the API never shows a question the event does not link.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import type { DynamoDbEngine } from '../../local/store/engine.ts';
import { startDynaliteHttp } from '../../local/store/dynalite-http.ts';
import { asOrganizer, createEvent, startHandsUp } from '../support/local-appsync.ts';

let store: DynamoDbEngine;
let server: LocalAppSync;
beforeAll(async () => {
  store = await startDynaliteHttp({ path: null });
  // The endpoint engine signs with the SDK's credential chain; dynalite checks only that a signature is there.
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
  server = await startHandsUp({ engine: { kind: 'endpoint', url: store.url, region: 'eu-west-1' } });
});
afterAll(async () => {
  await server?.close();
  await store?.close();
  vi.unstubAllEnvs();
});

const MC = { type: 'MULTIPLE_CHOICE', title: 'Lunch?', options: ['Ramen', 'Sushi'] };

/** The ids of the question items stored under the event, linked or not. */
async function storedQuestionIds(eventId: string): Promise<string[]> {
  // HandsUp's one table, under whichever name the API source gives it (api.json's or the cloud assembly's).
  const { TableNames } = await store.call<{ TableNames: string[] }>('ListTables', {});
  const { Items = [] } = await store.call<{ Items?: { id: { S: string } }[] }>('Query', {
    TableName: TableNames[0],
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :question)',
    ExpressionAttributeValues: { ':pk': { S: `EVENT#${eventId}` }, ':question': { S: 'QUESTION#' } },
    ConsistentRead: true,
  });
  return Items.map((item) => item.id.S).sort();
}

/** Sends the same edit six times at once: they all read the event as it is, so all but the first to save are refused. */
async function atOnce(query: string, variables: Record<string, unknown>) {
  const answers = await Promise.all(Array.from({ length: 6 }, () => asOrganizer(server, query, variables)));
  const refused = answers.filter((answer) => answer.body.errors?.[0]?.errorType === 'ConcurrentChange');
  const linked = await asOrganizer(server, 'query ($id: ID!) { event(id: $id) { questionIds } }', { id: variables.e });
  return { refused: refused.length, linked: [...linked.body.data.event.questionIds].sort() };
}

describe('an edit refused as ConcurrentChange', () => {
  it('addQuestion leaves no question item behind', async () => {
    const event = await createEvent(server, { questions: [MC] });
    const { refused, linked } = await atOnce('mutation ($e: ID!, $i: QuestionInput!) { addQuestion(eventId: $e, input: $i) { id } }', { e: event.id, i: MC });
    expect(refused).toBeGreaterThan(0);
    expect(await storedQuestionIds(event.id)).toEqual(linked);
  });

  it('duplicateQuestion leaves no copy behind', async () => {
    const event = await createEvent(server, { questions: [MC] });
    const { refused, linked } = await atOnce('mutation ($e: ID!, $q: ID!) { duplicateQuestion(eventId: $e, questionId: $q) { id } }', { e: event.id, q: event.questionIds[0] });
    expect(refused).toBeGreaterThan(0);
    expect(await storedQuestionIds(event.id)).toEqual(linked);
  });
});
