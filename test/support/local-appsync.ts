// Starts HandsUp's API on the local AppSync for one test file: a free port, an
// in-memory store and one organizer in the local user pool, so files run side
// by side without sharing data.
import { startLocalAppSync, type LocalAppSync, type LocalAppSyncOptions } from '../../local/server.ts';
import { signInWithPassword } from '../../local/user-pool/sign-in.ts';
import { handsUpSource } from './handsup-source.ts';

export const ORGANIZER = { username: 'organizer', password: 'Organizer-Passw0rd', groups: ['organizers'] };

/** HandsUp's API from api.json, or from the cloud assembly amplify/ synthesises (HANDSUP_API_SOURCE=amplify: see handsup-source.ts). */
export async function startHandsUp(options: Partial<LocalAppSyncOptions> = {}): Promise<LocalAppSync> {
  return startLocalAppSync({ declaration: await handsUpSource(), port: 0, host: '127.0.0.1', dataDir: null, users: [ORGANIZER], ...options });
}

export type GraphQLAnswer<T> = { status: number; headers: Headers; body: { data: T; errors?: any[] } };

/** A GraphQL request with plain fetch (the API key unless headers say otherwise). */
export async function graphql<T = any>(
  server: LocalAppSync,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = { 'x-api-key': server.apiKey },
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data: T; errors?: any[] } };
}

const tokens = new WeakMap<LocalAppSync, Promise<string>>();

/** The organizer's ID token, signed in once per server through the local user pool. */
export function organizerToken(server: LocalAppSync, user = ORGANIZER): Promise<string> {
  let token = tokens.get(server);
  if (!token) {
    const pool = server.userPool!;
    token = signInWithPassword({ endpoint: pool.endpoint, clientId: pool.clientId, username: user.username, password: user.password }).then((t) => t.idToken);
    tokens.set(server, token);
  }
  return token;
}

/** A request as the signed-in organizer. */
export async function asOrganizer<T = any>(server: LocalAppSync, query: string, variables: Record<string, unknown> = {}) {
  return graphql<T>(server, query, variables, { authorization: await organizerToken(server) });
}

const QUESTION_FIELDS = 'id eventId type title state round resultsVisibility reveal allowChange maxChoices answered options { id label }';
const EVENT_FIELDS = `id code title questionIds currentQuestionId questions { ${QUESTION_FIELDS} }`;

export type TestQuestion = { id: string; eventId: string; type: string; title: string; state: string; round: number; options: { id: string; label: string }[] };
export type TestEvent = { id: string; code: string; title: string; questionIds: string[]; currentQuestionId: string | null; questions: TestQuestion[] };

/** Creates an event as the organizer, with the questions given (QuestionInput objects). */
export async function createEvent(server: LocalAppSync, { title = 'Keynote', questions = [] as Record<string, unknown>[] } = {}): Promise<TestEvent> {
  const created = await asOrganizer(server, `mutation ($input: CreateEventInput!) { createEvent(input: $input) { ${EVENT_FIELDS} } }`, {
    input: { title, questions },
  });
  if (created.body.errors) throw new Error(JSON.stringify(created.body.errors));
  return created.body.data.createEvent as TestEvent;
}

/**
 * An event with one question (multiple choice A/B/C unless `question` says otherwise),
 * put on and, unless told otherwise, opened: what most specifications start from.
 */
export async function createQuestion(
  server: LocalAppSync,
  { question = {} as Record<string, unknown>, open = true } = {},
): Promise<{ event: TestEvent; question: TestQuestion }> {
  const input = { type: 'MULTIPLE_CHOICE', title: 'Best talk', options: ['Alpha', 'Beta', 'Gamma'], ...question };
  if (input.type !== 'MULTIPLE_CHOICE') delete (input as Record<string, unknown>).options;
  const event = await createEvent(server, { questions: [input] });
  const created = event.questions[0]!;
  await eventAction(server, 'goToQuestion', event.id, created.id);
  return { event, question: open ? await questionAction(server, 'openQuestion', event.id, created.id) : created };
}

export async function questionAction(
  server: LocalAppSync,
  action: 'openQuestion' | 'closeQuestion' | 'resetQuestion',
  eventId: string,
  questionId: string,
): Promise<TestQuestion> {
  const answer = await asOrganizer(server, `mutation ($e: ID!, $q: ID!) { ${action}(eventId: $e, questionId: $q) { ${QUESTION_FIELDS} } }`, { e: eventId, q: questionId });
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.data[action];
}

export async function eventAction(
  server: LocalAppSync,
  action: 'goToQuestion' | 'removeQuestion' | 'duplicateQuestion',
  eventId: string,
  questionId: string,
): Promise<TestEvent> {
  const answer = await asOrganizer(server, `mutation ($e: ID!, $q: ID!) { ${action}(eventId: $e, questionId: $q) { ${EVENT_FIELDS} } }`, { e: eventId, q: questionId });
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.data[action];
}

/** Joins an event by its code, as a phone does: answers the new participant's id. */
export async function join(server: LocalAppSync, event: { code: string }): Promise<string> {
  const answer = await graphql(server, 'mutation ($code: String!) { joinEvent(code: $code) { participantId } }', { code: event.code });
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.data.joinEvent.participantId;
}

export const CAST_VOTE = /* GraphQL */ `
  mutation CastVote($eventId: ID!, $questionId: ID!, $participantId: ID!, $optionIds: [ID!]!) {
    castVote(eventId: $eventId, questionId: $questionId, participantId: $participantId, optionIds: $optionIds) {
      eventId questionId round seq optionIds
      results { eventId questionId title state round totalVotes voters average updatedAt options { optionId label votes } }
    }
  }
`;

export function castVote(server: LocalAppSync, question: { eventId: string; id: string }, participantId: string, optionIds: string[]) {
  return graphql(server, CAST_VOTE, { eventId: question.eventId, questionId: question.id, participantId, optionIds });
}
