// What the organizer console's and presenter view's journeys set up through the
// API directly (as the organizer, or as a phone with the API key): the browser
// then meets an event that is already there, answered, asked.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalAppSync } from '../../local/server.ts';
import { asOrganizer, graphql } from '../support/local-appsync.ts';
import { signIn, WAIT } from './browser.ts';

export type TestQuestion = { id: string; type: string; title: string; state: string; round: number; options: { id: string; label: string }[] };
export type TestEvent = { id: string; code: string; title: string; currentQuestionId: string | null; questions: TestQuestion[] };

const QUESTION = 'id type title state round answered maxChoices scale profanityFilter moderated allowChange resultsVisibility reveal options { id label }';
export const EVENT = `id code title currentQuestionId questionIds questions { ${QUESTION} }`;

async function organizer<T>(server: LocalAppSync, query: string, variables: Record<string, unknown>, field: string): Promise<T> {
  const answer = await asOrganizer(server, query, variables);
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.data[field] as T;
}

/** An event with these questions (multiple choice with two options unless said). */
export function createEvent(server: LocalAppSync, title: string, questions: Record<string, unknown>[]): Promise<TestEvent> {
  const input = { title, questions: questions.map((q) => ({ type: 'MULTIPLE_CHOICE', options: ['Yes', 'No'], ...q })) };
  return organizer(server, `mutation ($input: CreateEventInput!) { createEvent(input: $input) { ${EVENT} } }`, { input }, 'createEvent');
}

export function readEvent(server: LocalAppSync, id: string): Promise<TestEvent> {
  return organizer(server, `query ($id: ID!) { event(id: $id) { ${EVENT} } }`, { id }, 'event');
}

/** Deletes the event, selecting what onEventChanged matches on. */
export function deleteEvent(server: LocalAppSync, id: string): Promise<{ id: string }> {
  return organizer(server, `mutation ($id: ID!) { deleteEvent(id: $id) { id } }`, { id }, 'deleteEvent');
}

// Each mutation below selects the fields its subscription matches on (AppSync filters a
// push on the mutation's own selection): onEventChanged on id, onQuestionChanged on
// eventId, onAnswer and onEntryChanged on eventId and questionId.

/** The presenter's moves, straight through the API. */
export function presenter(server: LocalAppSync, action: 'goToQuestion' | 'openQuestion' | 'closeQuestion', eventId: string, questionId: string) {
  const selection = action === 'goToQuestion' ? '{ id currentQuestionId }' : '{ id eventId state }';
  return organizer(server, `mutation ($e: ID!, $q: ID!) { ${action}(eventId: $e, questionId: $q) ${selection} }`, { e: eventId, q: questionId }, action);
}

/** A phone joining the event: its participant id. */
export async function joinEvent(server: LocalAppSync, code: string): Promise<string> {
  const answer = await graphql(server, 'mutation ($code: String!) { joinEvent(code: $code) { participantId } }', { code });
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.data.joinEvent.participantId;
}

export async function vote(server: LocalAppSync, eventId: string, questionId: string, participantId: string, optionIds: string[]) {
  const answer = await graphql(
    server,
    'mutation ($e: ID!, $q: ID!, $p: ID!, $o: [ID!]!) { castVote(eventId: $e, questionId: $q, participantId: $p, optionIds: $o) { eventId questionId round seq } }',
    { e: eventId, q: questionId, p: participantId, o: optionIds },
  );
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
}

export async function ask(server: LocalAppSync, eventId: string, questionId: string, participantId: string, text: string): Promise<string> {
  const answer = await graphql(
    server,
    'mutation ($e: ID!, $q: ID!, $p: ID!, $t: String!) { askQuestion(eventId: $e, questionId: $q, participantId: $p, text: $t) { id eventId questionId status } }',
    { e: eventId, q: questionId, p: participantId, t: text },
  );
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.data.askQuestion.id;
}

/** What the audience (API key) is shown of a Q&A question. */
export async function audienceEntries(server: LocalAppSync, eventId: string, questionId: string): Promise<{ text: string; status: string }[]> {
  const answer = await graphql(server, 'query ($e: ID!, $q: ID!) { entries(eventId: $e, questionId: $q) { text status } }', { e: eventId, q: questionId });
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.data.entries;
}

/** Signs in on the console's form and waits for the page behind it. */
export async function signedIn(page: Page, user: { username: string; password: string }) {
  await signIn(page, user);
  await page.getByTestId('signed-in-as').waitFor(WAIT);
}

/**
 * One laptop signed in as an organizer for a whole test file (Amplify keeps the
 * session in the context's localStorage): each test opens its own tabs in it
 * and closes them after, without signing in again.
 */
export function organizerLaptop(browser: () => Browser, origin: () => string, user: { username: string; password: string }) {
  let context: BrowserContext | undefined;
  const tabs: Page[] = [];
  const errors: string[] = [];
  return {
    errors,
    async start() {
      context = await browser().newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(`${origin()}/organizer`);
      await signedIn(page, user);
      await page.close();
    },
    /** A new tab of the signed-in laptop on `path`. */
    async tab(path: string): Promise<Page> {
      const page = await context!.newPage();
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      tabs.push(page);
      await page.goto(`${origin()}${path}`);
      return page;
    },
    async closeTabs() {
      await Promise.all(tabs.splice(0).map((page) => page.close()));
    },
    async stop() {
      await context?.close();
    },
  };
}
