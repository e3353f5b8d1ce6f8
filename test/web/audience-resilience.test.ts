// What happens around the audience's journeys, in a real browser against the
// local AppSync: answers whose reply gets lost, reloads, a dropped connection,
// resets, results shown after answering, refusals and unknown codes.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { graphql } from '../support/local-appsync.ts';
import { createEvent, organizerResults, present, questionAction, type TestEvent } from './audience-support.ts';
import { browserSession, WAIT, waitForLive, waitForText } from './browser.ts';

const web = browserSession();
const { open, device, tab, pageErrors } = web;

// Several devices per journey, each step waiting up to WAIT: more than the suite's 30 s default on a busy machine.
const JOURNEY_MS = 120_000;

async function phoneOn(event: TestEvent, page?: Page): Promise<Page> {
  const phone = page ?? (await open('phone', `/p/${event.code}`));
  await phone.locator('main[data-joined="true"]').waitFor(WAIT);
  return phone;
}

/** An open single-choice question on an event of its own, on now. */
async function onePoll(title: string, options: string[], resultsVisibility = 'ALWAYS') {
  const event = await createEvent(web.server, title, [{ type: 'MULTIPLE_CHOICE', title, options, resultsVisibility }]);
  const question = event.questions[0]!;
  await present(web.server, event, question);
  return { event, question };
}

const button = (page: Page, label: string) => page.getByRole('button', { name: label, exact: true });
const isAnswer = (request: { postData(): string | null }) => (request.postData() ?? '').includes('castVote');

describe('when things go wrong', { timeout: JOURNEY_MS }, () => {
  it('an answer whose reply was lost is retried until it is answered, and counted once', async () => {
    const { event, question } = await onePoll('Lost replies', ['Yes', 'No']);
    const page = await phoneOn(event);
    let lost = 0;
    let answering = false;
    await page.route('**/graphql', async (route) => {
      if (answering || !isAnswer(route.request())) return route.continue();
      await route.fetch(); // the answer reaches the server and is recorded…
      lost += 1;
      await route.abort('connectionreset'); // …but its reply never reaches the phone
    });
    await button(page, 'Yes').click();
    await page.getByText('Retrying your answer…').waitFor(WAIT);
    expect(await page.getByTestId('vote-sending').textContent()).toContain('The voting service cannot be reached.');
    expect(await button(page, 'No').isDisabled()).toBe(true);

    answering = true;
    await waitForText(page, 'vote-counted', 'Your answer Yes was counted.');
    expect(lost).toBeGreaterThanOrEqual(3);
    expect((await organizerResults(web.server, event, question)).totalVotes).toBe(1);
  });

  it('an answer still unanswered when the page is reloaded is sent again after the reload', async () => {
    const { event, question } = await onePoll('Reload mid-answer', ['Left', 'Right']);
    const page = await phoneOn(event);
    await page.route('**/graphql', (route) => (isAnswer(route.request()) ? route.abort('internetdisconnected') : route.continue()));
    await button(page, 'Right').click();
    await page.getByText('Retrying your answer…').waitFor(WAIT);
    expect((await organizerResults(web.server, event, question)).totalVotes).toBe(0);

    await page.unroute('**/graphql');
    await page.reload();
    await waitForText(page, 'vote-counted', 'Your answer Right was counted.');
    expect((await organizerResults(web.server, event, question)).totalVotes).toBe(1);
  });

  it('my answer survives a reload: the phone keeps its participant id for the event and shows what it chose', async () => {
    const { event } = await onePoll('Remember me', ['Cats', 'Dogs']);
    const page = await phoneOn(event);
    const participantId = await page.evaluate((id) => localStorage.getItem(`handsup:participant:${id}`), event.id);
    expect(participantId).toMatch(/\S+/);
    await button(page, 'Dogs').click();
    await waitForText(page, 'vote-counted', 'Your answer Dogs was counted.');

    await page.reload();
    await waitForText(page, 'vote-counted', 'Your answer Dogs was counted.');
    expect(await button(page, 'Dogs').getAttribute('aria-pressed')).toBe('true');
    expect(await button(page, 'Cats').isDisabled()).toBe(true);
    expect(await page.evaluate((id) => localStorage.getItem(`handsup:participant:${id}`), event.id)).toBe(participantId);
  });

  it('a dropped connection shows on the big screen, which catches up after reconnecting', async () => {
    const { event, question } = await onePoll('Keynote of the day', ['Morning', 'Afternoon']);
    const [morning] = question.options;
    const screenDevice = await device('screen');
    // Sit between the page and the server so the test can cut the line.
    const lines: { close(): Promise<void> }[] = [];
    await screenDevice.routeWebSocket('**/graphql/realtime', (socket) => {
      const upstream = socket.connectToServer();
      lines.push({ close: async () => void (await Promise.all([socket.close(), upstream.close()])) });
    });
    const screen = await tab(screenDevice, `/p/${event.code}/screen`);
    await screen.locator('[data-testid="results"][data-live="true"]').waitFor(WAIT);

    await Promise.all(lines.map((line) => line.close()));
    await screen.getByTestId('connection-banner').waitFor(WAIT);
    expect(await screen.getByTestId('connection-banner').textContent()).toContain('Connection lost: reconnecting…');

    // An answer while the screen is cut off: no push can reach it.
    const joined = await graphql(web.server, 'mutation ($code: String!) { joinEvent(code: $code) { participantId } }', { code: event.code });
    const participantId = joined.body.data.joinEvent.participantId as string;
    await graphql(web.server, 'mutation ($e: ID!, $q: ID!, $p: ID!, $o: [ID!]!) { castVote(eventId: $e, questionId: $q, participantId: $p, optionIds: $o) { seq } }', {
      e: event.id,
      q: question.id,
      p: participantId,
      o: [morning!.id],
    });
    // Amplify reconnects after about 5 s; the screen then reads the results again.
    await waitForLive(screen);
    await waitForText(screen, `votes-${morning!.id}`, '1', 25_000);
    expect(await screen.getByTestId('connection-banner').count()).toBe(0);
  });

  it('a reset clears my answer on the phone and the big screen starts again from zero', async () => {
    const { event, question } = await onePoll('Round and round', ['Up', 'Down']);
    const [up, down] = question.options;
    const screen = await open('screen', `/p/${event.code}/screen`);
    await screen.locator('[data-testid="results"][data-live="true"]').waitFor(WAIT);
    const page = await phoneOn(event);
    await waitForLive(page);
    await button(page, 'Up').click();
    await waitForText(page, 'vote-counted', 'Your answer Up was counted.');
    await waitForText(screen, `votes-${up!.id}`, '1');

    await questionAction(web.server, 'resetQuestion', event, question);
    await page.locator('[data-testid="poll-state"][data-state="DRAFT"]').waitFor(WAIT);
    expect(await page.getByTestId('vote-counted').count()).toBe(0);
    expect(await page.getByTestId('state-message').textContent()).toContain('Not open yet.');
    await waitForText(screen, `votes-${up!.id}`, '0');

    await questionAction(web.server, 'openQuestion', event, question);
    await page.locator('[data-testid="poll-state"][data-state="OPEN"]').waitFor(WAIT);
    await button(page, 'Down').click();
    await waitForText(page, 'vote-counted', 'Your answer Down was counted.');
    await waitForText(screen, `votes-${down!.id}`, '1');
    expect(pageErrors).toEqual([]);
  });

  it('an answer that reaches a question closed meanwhile is refused in words, and the phone then shows it closed', async () => {
    const { event, question } = await onePoll('Coffee or tea', ['Coffee', 'Tea']);
    const phone = await device('phone');
    // This phone's live updates never arrive (as on a flaky network): it still thinks the question is open.
    await phone.routeWebSocket('**/graphql/realtime', () => undefined);
    const page = await tab(phone, `/p/${event.code}`);
    await page.locator('main[data-joined="true"]').waitFor(WAIT);
    await questionAction(web.server, 'closeQuestion', event, question);

    await button(page, 'Coffee').click();
    const refused = page.getByTestId('vote-refused');
    await refused.waitFor(WAIT);
    expect(await refused.textContent()).toBe('Your answer was not counted. This question is closed: answers are no longer taken.');
    await page.locator('[data-testid="poll-state"][data-state="CLOSED"]').waitFor(WAIT);
    expect((await organizerResults(web.server, event, question)).totalVotes).toBe(0);
  });
});

describe('what the audience sees', { timeout: JOURNEY_MS }, () => {
  it('after answering: a phone sees the results once it has answered, and follows them live from then on', async () => {
    const { event, question } = await onePoll('Show me after', ['Tea', 'Juice'], 'AFTER_VOTE');
    const [tea] = question.options;
    const [mine, other] = await Promise.all([phoneOn(event), phoneOn(event)]);
    await waitForText(mine, 'results-hint', 'The results are shown here once you have answered.');
    await button(mine, 'Tea').click();
    await waitForText(mine, `votes-${tea!.id}`, '1');
    await waitForLive(mine);
    await mine.locator('[data-testid="results"][data-live="true"]').waitFor(WAIT);
    await button(other, 'Tea').click();
    await waitForText(mine, `votes-${tea!.id}`, '2');
  });

  it('an unknown code is answered in words, with the way back to the join page', async () => {
    const page = await open('phone', '/p/ZZZZZZ');
    const alert = page.getByRole('alert');
    await alert.waitFor(WAIT);
    expect(await alert.getByRole('heading').textContent()).toBe('Nothing has the code ZZZZZZ');
    expect(await page.getByRole('link', { name: 'Enter another code' }).getAttribute('href')).toBe('/join?code=ZZZZZZ');
  });
});
