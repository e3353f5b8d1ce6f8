// The web app in a real browser against the local AppSync: a phone votes, the
// big screen shows it, pushed through the real-time subscription.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { LocalAppSync } from '../../local/server.ts';
import { createPoll, graphql, startHandsUp } from '../support/local-appsync.ts';
import { buildWeb, launchChromium } from './browser.ts';

const WAIT = { timeout: 15_000 };

let server: LocalAppSync;
let browser: Browser;
let origin: string;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  const webRoot = await buildWeb();
  server = await startHandsUp({ webRoot });
  origin = `http://127.0.0.1:${server.port}`;
  browser = await launchChromium();
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A blank page in its own browser context: one person's device. */
async function newPage(device: 'phone' | 'screen'): Promise<Page> {
  const context = await browser.newContext(
    device === 'phone'
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 1600, height: 900 } },
  );
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  return page;
}

const screenPage = () => newPage('screen');

async function open(path: string, device: 'phone' | 'screen'): Promise<Page> {
  const page = await newPage(device);
  await page.goto(`${origin}${path}`);
  return page;
}

/** Waits until the element with this test id shows exactly `text`. */
async function waitForText(page: Page, testId: string, text: string) {
  await page.waitForFunction(
    ([id, expected]) => document.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() === expected,
    [testId, text] as const,
    WAIT,
  );
}

describe('voting in the browser', () => {
  it('a vote on the phone shows up live on the results screen', async () => {
    const poll = await createPoll(server, 'Startup Architecture of the Year', ['Alpha', 'Beta', 'Gamma']);
    const [alpha, beta] = poll.options;

    const screen = await open(`/poll/${poll.id}/results`, 'screen');
    await screen.getByRole('heading', { name: 'Startup Architecture of the Year' }).waitFor(WAIT);
    await waitForText(screen, `votes-${alpha!.id}`, '0');
    await waitForText(screen, 'total-votes', '0');
    // Vote only once the subscription is up, so the change must arrive as a push.
    await screen.locator('[data-testid="connection-state"][data-state="Connected"]').waitFor(WAIT);

    const phone = await open(`/poll/${poll.id}`, 'phone');
    await phone.getByRole('button', { name: 'Alpha', exact: true }).click();
    await phone.getByTestId('vote-counted').waitFor(WAIT);
    expect(await phone.getByTestId('vote-counted').textContent()).toContain('Alpha');

    await waitForText(screen, `votes-${alpha!.id}`, '1');
    await waitForText(screen, 'total-votes', '1');
    expect(await screen.getByTestId(`votes-${beta!.id}`).textContent()).toBe('0');
    expect(await screen.getByTestId(`result-${alpha!.id}`).textContent()).toContain('100%');
    expect(pageErrors).toEqual([]);
  });

  it('a poll id that does not exist gets a clear message, not a blank page', async () => {
    const phone = await open('/poll/nope', 'phone');
    const alert = phone.getByRole('alert');
    await alert.waitFor(WAIT);
    expect(await alert.textContent()).toContain('This poll does not exist');
    expect(await phone.getByRole('button').count()).toBe(0);
  });

  it('a vote the API refuses is reported in plain words and the buttons work again', async () => {
    const poll = await createPoll(server, 'Lunch', ['Ramen', 'Sushi']);
    const phone = await open(`/poll/${poll.id}`, 'phone');
    // The real server refuses it: the request leaves the page with an option the poll lacks.
    await phone.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (!body.includes('castVote')) return route.continue();
      const request = JSON.parse(body) as { variables: Record<string, unknown> };
      request.variables.optionId = 'no-such-option';
      await route.continue({ postData: JSON.stringify(request) });
    });
    const ramen = phone.getByRole('button', { name: 'Ramen', exact: true });
    await ramen.click();

    const refused = phone.getByTestId('vote-refused');
    await refused.waitFor(WAIT);
    expect(await refused.getAttribute('role')).toBe('alert');
    expect(await refused.textContent()).toContain('Your vote was not counted.');
    expect(await refused.textContent()).toContain('That choice is not part of this poll.');
    expect(await ramen.isEnabled()).toBe(true);

    const { body } = await graphql(server, 'query ($id: ID!) { results(pollId: $id) { totalVotes } }', { id: poll.id });
    expect(body.data.results.totalVotes).toBe(0);
  });

  it('the buttons are disabled while a vote is in flight', async () => {
    const poll = await createPoll(server, 'Coffee or tea', ['Coffee', 'Tea']);
    const phone = await open(`/poll/${poll.id}`, 'phone');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await phone.route('**/graphql', async (route) => {
      if ((route.request().postData() ?? '').includes('castVote')) await held;
      await route.continue();
    });
    await phone.getByRole('button', { name: 'Coffee', exact: true }).click();
    await phone.waitForFunction(() => [...document.querySelectorAll('button')].every((b) => b.disabled), null, WAIT);
    expect(await phone.getByRole('status').first().textContent()).toContain('Sending your vote');
    release();
    await phone.getByTestId('vote-counted').waitFor(WAIT);
    expect(await phone.getByRole('button', { name: 'Tea', exact: true }).isEnabled()).toBe(true);
  });

  it('a dropped connection shows on the badge, and the screen catches up after reconnecting', async () => {
    const poll = await createPoll(server, 'Keynote of the day', ['Morning', 'Afternoon']);
    const [morning] = poll.options;
    const screen = await screenPage();
    // Sit between the page and the server so the test can cut the line.
    const sockets: { close(): Promise<void> }[] = [];
    await screen.routeWebSocket('**/graphql/realtime', (socket) => {
      const upstream = socket.connectToServer();
      sockets.push({ close: async () => (await Promise.all([socket.close(), upstream.close()]), undefined) });
    });
    await screen.goto(`${origin}/poll/${poll.id}/results`);
    const badge = screen.getByTestId('connection-state');
    await screen.locator('[data-testid="connection-state"][data-state="Connected"]').waitFor(WAIT);

    await Promise.all(sockets.map((socket) => socket.close()));
    await screen.locator('[data-testid="connection-state"]:not([data-state="Connected"])').waitFor(WAIT);
    expect(await badge.textContent()).not.toBe('Live');

    // A vote while the screen is disconnected: no push reaches it.
    await graphql(server, 'mutation ($p: ID!, $o: ID!) { castVote(pollId: $p, optionId: $o) { totalVotes } }', {
      p: poll.id,
      o: morning!.id,
    });
    // Amplify reconnects after about 5 s; the page then re-reads the tally.
    await screen.locator('[data-testid="connection-state"][data-state="Connected"]').waitFor({ timeout: 20_000 });
    await waitForText(screen, `votes-${morning!.id}`, '1');
    await waitForText(screen, 'total-votes', '1');
  });

  it('the poll list links each poll to its voting page and its results screen', async () => {
    const poll = await createPoll(server, 'Best demo', ['One', 'Two']);
    const page = await open('/', 'screen');
    await page.getByRole('link', { name: 'Vote: Best demo' }).waitFor(WAIT);
    expect(await page.getByRole('link', { name: 'Vote: Best demo' }).getAttribute('href')).toBe(`/poll/${poll.id}`);
    expect(await page.getByRole('link', { name: 'Results: Best demo' }).getAttribute('href')).toBe(`/poll/${poll.id}/results`);
  });
});
