// The organizer's side of the audience journeys, driven through GraphQL as the
// signed-in organizer (not through the console), so these tests follow the
// phones and the big screen only.
import type { LocalAppSync } from '../../local/server.ts';
import { asOrganizer } from '../support/local-appsync.ts';

export type TestQuestion = { id: string; type: string; title: string; options: { id: string; label: string }[] };
export type TestEvent = { id: string; code: string; questions: TestQuestion[] };

// The whole question, as the presenter view selects it: a push carries only what the mutation selected, and
// onQuestionChanged(eventId) matches on the selected eventId.
const QUESTION = 'id eventId type title options { id label } maxChoices scale profanityFilter moderated allowChange state resultsVisibility reveal round answered createdAt updatedAt';

async function organizer<T>(server: LocalAppSync, query: string, variables: Record<string, unknown>, field: string): Promise<T> {
  const answer = await asOrganizer(server, query, variables);
  if (answer.body.errors) throw new Error(`${field}: ${JSON.stringify(answer.body.errors)}`);
  return answer.body.data[field] as T;
}

/** Creates an event with these questions (QuestionInput), all in DRAFT, none on yet. */
export function createEvent(server: LocalAppSync, title: string, questions: Record<string, unknown>[]): Promise<TestEvent> {
  return organizer(
    server,
    `mutation ($input: CreateEventInput!) { createEvent(input: $input) { id code questions { ${QUESTION} } } }`,
    { input: { title, questions } },
    'createEvent',
  );
}

/** The presenter puts a question on (and, unless told otherwise, opens it). */
export async function present(server: LocalAppSync, event: TestEvent, question: TestQuestion, { open = true } = {}) {
  await organizer(server, `mutation ($e: ID!, $q: ID!) { goToQuestion(eventId: $e, questionId: $q) { id code title questionIds currentQuestionId createdAt updatedAt questions { ${QUESTION} } } }`, { e: event.id, q: question.id }, 'goToQuestion');
  if (open) await questionAction(server, 'openQuestion', event, question);
}

export function questionAction(server: LocalAppSync, action: 'openQuestion' | 'closeQuestion' | 'resetQuestion', event: TestEvent, question: TestQuestion) {
  return organizer(server, `mutation ($e: ID!, $q: ID!) { ${action}(eventId: $e, questionId: $q) { ${QUESTION} } }`, { e: event.id, q: question.id }, action);
}

export function setReveal(server: LocalAppSync, event: TestEvent, question: TestQuestion, reveal: 'AUTO' | 'SHOWN' | 'HIDDEN') {
  return organizer(server, `mutation ($e: ID!, $q: ID!, $r: Reveal!) { setReveal(eventId: $e, questionId: $q, reveal: $r) { ${QUESTION} } }`, { e: event.id, q: question.id, r: reveal }, 'setReveal');
}

export type TestEntry = { id: string; text: string; status: string; pinned: boolean; upvotes: number };

/** Every entry of a Q&A question, as the organizer sees them (pending ones included). */
export function organizerEntries(server: LocalAppSync, event: TestEvent, question: TestQuestion): Promise<TestEntry[]> {
  return organizer(server, 'query ($e: ID!, $q: ID!) { entries(eventId: $e, questionId: $q) { id text status pinned upvotes } }', { e: event.id, q: question.id }, 'entries');
}

export function moderate(server: LocalAppSync, event: TestEvent, question: TestQuestion, entryId: string, change: { status?: string; pinned?: boolean }) {
  return organizer<TestEntry>(
    server,
    'mutation ($e: ID!, $q: ID!, $id: ID!, $s: EntryStatus, $p: Boolean) { moderateEntry(eventId: $e, questionId: $q, entryId: $id, status: $s, pinned: $p) { id eventId questionId text author status pinned upvotes createdAt updatedAt } }',
    { e: event.id, q: question.id, id: entryId, s: change.status ?? null, p: change.pinned ?? null },
    'moderateEntry',
  );
}

/** The results as the organizer sees them (always). */
export function organizerResults(server: LocalAppSync, event: TestEvent, question: TestQuestion) {
  return organizer<{ totalVotes: number; voters: number; average: number | null; options: { optionId: string; votes: number }[]; words: { word: string; count: number }[] }>(
    server,
    'query ($e: ID!, $q: ID!) { results(eventId: $e, questionId: $q) { totalVotes voters average options { optionId votes } words { word count } } }',
    { e: event.id, q: question.id },
    'results',
  );
}
