// The main journeys of an event, in a real browser against the local AppSync:
// the organizer runs the poll from the console, phones vote, the big screen
// follows live, and every refusal reaches the person in words.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { LocalAppSync } from '../../local/server.ts';
import { asOrganizer, createPoll, ORGANIZER, startHandsUp } from '../support/local-appsync.ts';
import { buildWeb, devices, launchChromium, signIn, WAIT, waitForLive, waitForText } from './browser.ts';

let server: LocalAppSync;
let browser: Browser;
let origin: string;
let removeBuild: () => Promise<void>;
const { open, device, tab, closeAll, pageErrors } = devices(() => browser, () => origin);

beforeAll(async () => {
  const build = await buildWeb();
  removeBuild = build.remove;
  server = await startHandsUp({ webRoot: build.webRoot });
  origin = `http://127.0.0.1:${server.port}`;
  browser = await launchChromium();
});

afterEach(closeAll);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeBuild?.();
});

/** The console, signed in, on a laptop. */
async function organizerConsole(): Promise<Page> {
  const page = await open('laptop', '/organizer');
  await signIn(page, ORGANIZER);
  await page.getByTestId('signed-in-as').waitFor(WAIT);
  return page;
}

/** A phone on the poll's page, registered and showing the poll. */
async function phoneOn(code: string): Promise<Page> {
  const page = await open('phone', `/p/${code}`);
  await page.locator('main[data-joined="true"]').waitFor(WAIT);
  return page;
}

const button = (page: Page, label: string) => page.getByRole('button', { name: label, exact: true });

async function tally(pollId: string) {
  const { body } = await asOrganizer(server, 'query ($id: ID!) { results(pollId: $id) { totalVotes options { label votes } } }', { id: pollId });
  return body.data.results as { totalVotes: number; options: { label: string; votes: number }[] };
}

describe('an event, in the browser', () => {
  it('an organizer signs in, creates a poll and opens it, and a phone waiting on its code lights up', async () => {
    const organizer = await open('laptop', '/organizer');
    await signIn(organizer, { ...ORGANIZER, password: 'not-the-password' });
    await organizer.getByTestId('signin-problem').waitFor(WAIT);
    expect(await organizer.getByTestId('signin-problem').textContent()).toBe('Wrong username or password.');
    await signIn(organizer, ORGANIZER);
    await waitForText(organizer, 'signed-in-as', ORGANIZER.username);

    await organizer.getByLabel('Question').fill('Startup Architecture of the Year');
    await organizer.getByRole('textbox', { name: 'Option 1', exact: true }).fill('Serverless');
    await organizer.getByRole('textbox', { name: 'Option 2', exact: true }).fill('Containers');
    await organizer.getByRole('button', { name: 'Add option' }).click();
    await organizer.getByRole('textbox', { name: 'Option 3', exact: true }).fill('Monolith');
    await organizer.getByRole('button', { name: 'Create poll' }).click();
    const card = organizer.getByRole('listitem', { name: 'Startup Architecture of the Year' });
    await card.waitFor(WAIT);
    const code = (await card.getByTestId('poll-code').textContent())!.trim();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(await card.getByTestId('poll-state').getAttribute('data-state')).toBe('DRAFT');
    expect(await card.getByTestId('voter-link').textContent()).toBe(`${origin}/p/${code}`);
    expect(await card.getByRole('link', { name: 'Big screen' }).getAttribute('href')).toBe(`/p/${code}/screen`);

    // A participant joins with the code before voting opens: the buttons wait.
    const phone = await open('phone', '/join');
    await phone.getByLabel('Code on the screen').fill(code.toLowerCase());
    await phone.getByRole('button', { name: 'Join' }).click();
    await phone.waitForURL(`${origin}/p/${code}`);
    await phone.locator('main[data-joined="true"]').waitFor(WAIT);
    await waitForLive(phone);
    expect(await phone.getByTestId('state-message').textContent()).toContain('Voting has not started yet');
    expect(await button(phone, 'Serverless').isDisabled()).toBe(true);

    await card.getByRole('button', { name: 'Open voting' }).click();
    await card.locator('[data-testid="poll-state"][data-state="OPEN"]').waitFor(WAIT);
    // Pushed to the phone: no reload.
    await phone.locator('[data-testid="poll-state"][data-state="OPEN"]').waitFor(WAIT);
    await button(phone, 'Serverless').click();
    await waitForText(phone, 'vote-counted', 'Your vote for Serverless was counted.');
    expect(pageErrors).toEqual([]);
  });

  it('two participants vote from their phones and the big screen counts both live', async () => {
    const poll = await createPoll(server, { title: 'Best keynote', options: ['Morning', 'Afternoon'] });
    const [morning, afternoon] = poll.options;
    const screen = await open('screen', `/p/${poll.code}/screen`);
    await screen.getByRole('heading', { name: 'Best keynote' }).waitFor(WAIT);
    await screen.locator('[data-testid="results"][data-live="true"]').waitFor(WAIT);
    await waitForText(screen, 'total-votes', '0');
    expect(await screen.getByTestId('join-code').textContent()).toBe(poll.code);
    expect(await screen.getByTestId('qr').getAttribute('data-url')).toBe(`${origin}/p/${poll.code}`);

    const [first, second] = await Promise.all([phoneOn(poll.code), phoneOn(poll.code)]);
    await button(first, 'Morning').click();
    await waitForText(first, 'vote-counted', 'Your vote for Morning was counted.');
    await waitForText(screen, `votes-${morning!.id}`, '1');
    await waitForText(screen, 'total-votes', '1');

    await button(second, 'Afternoon').click();
    await waitForText(second, 'vote-counted', 'Your vote for Afternoon was counted.');
    await waitForText(screen, `votes-${afternoon!.id}`, '1');
    await waitForText(screen, 'total-votes', '2');
    expect(await screen.getByTestId(`result-${morning!.id}`).getAttribute('aria-label')).toBe('Morning: 1 vote, 50%');
    // The first phone sees the second vote arrive too (visibility ALWAYS).
    await waitForText(first, 'total-votes', '2');
    expect(pageErrors).toEqual([]);
  });

  it('a second vote from the same participant is refused, and the first one stands', async () => {
    const poll = await createPoll(server, { title: 'Lunch', options: ['Ramen', 'Sushi'] });
    const phone = await device('phone');
    const firstTab = await tab(phone, `/p/${poll.code}`);
    await firstTab.locator('main[data-joined="true"]').waitFor(WAIT);
    // The same phone, a second tab opened before the first one votes: same participant, buttons still lit.
    const secondTab = await tab(phone, `/p/${poll.code}`);
    await secondTab.locator('main[data-joined="true"]').waitFor(WAIT);

    await button(firstTab, 'Ramen').click();
    await waitForText(firstTab, 'vote-counted', 'Your vote for Ramen was counted.');
    await button(secondTab, 'Sushi').click();
    const refused = secondTab.getByTestId('vote-refused');
    await refused.waitFor(WAIT);
    expect(await secondTab.getByRole('alert').textContent()).toContain('Your vote was not counted.');
    expect(await refused.textContent()).toBe('Your vote was not counted. You have already voted in this poll: one vote per person.');
    // The refused tab learns what this phone did vote for.
    await waitForText(secondTab, 'vote-counted', 'Your vote for Ramen was counted.');
    expect(await button(secondTab, 'Ramen').getAttribute('aria-pressed')).toBe('true');
    expect(await button(secondTab, 'Sushi').isDisabled()).toBe(true);
    expect(await tally(poll.id)).toEqual({ totalVotes: 1, options: [{ label: 'Ramen', votes: 1 }, { label: 'Sushi', votes: 0 }] });
  });

  it('closing the poll stops voting, and the phones, the big screen and the console all show it', async () => {
    const poll = await createPoll(server, { title: 'Venue for next year', options: ['Tokyo', 'Osaka'] });
    const [tokyo] = poll.options;
    const organizer = await organizerConsole();
    const card = organizer.getByRole('listitem', { name: 'Venue for next year' });
    await card.waitFor(WAIT);
    const screen = await open('screen', `/p/${poll.code}/screen`);
    await screen.locator('[data-testid="results"][data-live="true"]').waitFor(WAIT);
    const voter = await phoneOn(poll.code);
    const waiting = await phoneOn(poll.code);
    await waitForLive(waiting);
    await button(voter, 'Tokyo').click();
    await waitForText(voter, 'vote-counted', 'Your vote for Tokyo was counted.');
    await waitForText(screen, `votes-${tokyo!.id}`, '1');

    await card.getByRole('button', { name: 'Close voting' }).click();
    await card.locator('[data-testid="poll-state"][data-state="CLOSED"]').waitFor(WAIT);
    for (const page of [screen, voter, waiting]) await page.locator('[data-testid="poll-state"][data-state="CLOSED"]').waitFor(WAIT);
    expect(await waiting.getByTestId('state-message').textContent()).toBe('This poll is closed. Votes are no longer taken.');
    expect(await button(waiting, 'Osaka').isDisabled()).toBe(true);
    expect(await button(waiting, 'Tokyo').isDisabled()).toBe(true);
    await waitForText(screen, 'total-votes', '1');
    expect(await screen.locator('.total').textContent()).toBe('1 vote · final result');
    expect(await voter.getByRole('heading', { name: /Final results/ }).count()).toBe(1);
    expect(await card.getByRole('button', { name: 'Close voting' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('a vote that reaches a poll closed meanwhile is refused in words, and the phone then shows it closed', async () => {
    const poll = await createPoll(server, { title: 'Coffee or tea', options: ['Coffee', 'Tea'] });
    const phone = await device('phone');
    // This phone's live updates never arrive (as on a flaky network): it still thinks the poll is open.
    await phone.routeWebSocket('**/graphql/realtime', () => undefined);
    const page = await tab(phone, `/p/${poll.code}`);
    await page.locator('main[data-joined="true"]').waitFor(WAIT);
    await asOrganizer(server, 'mutation ($id: ID!) { closePoll(id: $id) { id } }', { id: poll.id });

    await button(page, 'Coffee').click();
    const refused = page.getByTestId('vote-refused');
    await refused.waitFor(WAIT);
    expect(await refused.textContent()).toBe('Your vote was not counted. This poll is closed: votes are no longer taken.');
    await page.locator('[data-testid="poll-state"][data-state="CLOSED"]').waitFor(WAIT);
    expect((await tally(poll.id)).totalVotes).toBe(0);
  });

  it('a choice the API does not know is refused in words, and the buttons work again', async () => {
    const poll = await createPoll(server, { title: 'Dessert', options: ['Mochi', 'Dorayaki'] });
    const page = await phoneOn(poll.code);
    // The real server refuses it: the request leaves the page with an option the poll lacks.
    let rewritten = 0;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (!body.includes('castVote') || rewritten > 0) return route.continue();
      rewritten += 1;
      const request = JSON.parse(body) as { variables: Record<string, unknown> };
      request.variables.optionId = 'no-such-option';
      await route.continue({ postData: JSON.stringify(request) });
    });
    await button(page, 'Mochi').click();
    const refused = page.getByTestId('vote-refused');
    await refused.waitFor(WAIT);
    expect(await refused.textContent()).toBe('Your vote was not counted. That choice is not part of this poll.');
    expect(await button(page, 'Mochi').isEnabled()).toBe(true);
    await button(page, 'Dorayaki').click();
    await waitForText(page, 'vote-counted', 'Your vote for Dorayaki was counted.');
    expect((await tally(poll.id)).totalVotes).toBe(1);
  });

  it('an unknown code gets a clear message, and the landing page leads to joining and to the console', async () => {
    const landing = await open('phone', '/');
    expect(await landing.getByRole('link', { name: /Run a poll/ }).getAttribute('href')).toBe('/organizer');
    await landing.getByRole('link', { name: /Vote/ }).click();
    await landing.waitForURL(`${origin}/join`);
    await landing.getByRole('button', { name: 'Join' }).click();
    expect(await landing.getByRole('alert').textContent()).toBe('Enter the code shown on the screen.');
    await landing.getByLabel('Code on the screen').fill('zz zz zz');
    await landing.getByRole('button', { name: 'Join' }).click();
    await landing.waitForURL(`${origin}/p/ZZZZZZ`);
    const alert = landing.getByRole('alert');
    await alert.waitFor(WAIT);
    expect(await alert.getByRole('heading').textContent()).toBe('No poll has the code ZZZZZZ');
    expect(await landing.getByRole('link', { name: 'Enter another code' }).getAttribute('href')).toBe('/join');
  });
});
