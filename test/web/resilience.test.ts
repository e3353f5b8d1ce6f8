// What happens around the main journeys, in a real browser against the local
// AppSync: answers that get lost, reloads, dropped connections, resets, hidden
// results, and the console's reset, export and delete.
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { LocalAppSync } from '../../local/server.ts';
import { asOrganizer, castVote, createPoll, join, ORGANIZER, pollAction, startHandsUp } from '../support/local-appsync.ts';
import { buildWeb, devices, launchChromium, signIn, WAIT, waitForLive, waitForText } from './browser.ts';

const MEMBER = { username: 'member', password: 'Member-Passw0rd', groups: [] };

let server: LocalAppSync;
let browser: Browser;
let origin: string;
let removeBuild: () => Promise<void>;
const { open, device, tab, closeAll, pageErrors } = devices(() => browser, () => origin);

beforeAll(async () => {
  const build = await buildWeb();
  removeBuild = build.remove;
  server = await startHandsUp({ webRoot: build.webRoot, users: [ORGANIZER, MEMBER] });
  origin = `http://127.0.0.1:${server.port}`;
  browser = await launchChromium();
});

afterEach(closeAll);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await removeBuild?.();
});

async function phoneOn(code: string, page?: Page): Promise<Page> {
  const phone = page ?? (await open('phone', `/p/${code}`));
  await phone.locator('main[data-joined="true"]').waitFor(WAIT);
  return phone;
}

const button = (page: Page, label: string) => page.getByRole('button', { name: label, exact: true });
const castVotes = (page: Page) => (request: { postData(): string | null }) => (request.postData() ?? '').includes('castVote');

async function totalVotes(pollId: string): Promise<number> {
  const { body } = await asOrganizer(server, 'query ($id: ID!) { results(pollId: $id) { totalVotes } }', { id: pollId });
  return body.data.results.totalVotes;
}

describe('when things go wrong', () => {
  it('a vote whose answer was lost is retried until it is answered, and counted once', async () => {
    const poll = await createPoll(server, { title: 'Lost answers', options: ['Yes', 'No'] });
    const page = await phoneOn(poll.code);
    let lost = 0;
    let answering = false;
    await page.route('**/graphql', async (route) => {
      if (answering || !castVotes(page)(route.request())) return route.continue();
      await route.fetch(); // the vote reaches the server and is recorded…
      lost += 1;
      await route.abort('connectionreset'); // …but its answer never reaches the phone
    });
    await button(page, 'Yes').click();
    const sending = page.getByTestId('vote-sending');
    await page.getByText('Retrying your vote…').waitFor(WAIT);
    expect(await sending.textContent()).toContain('The voting service cannot be reached.');
    expect(await button(page, 'No').isDisabled()).toBe(true);

    answering = true;
    await waitForText(page, 'vote-counted', 'Your vote for Yes was counted.');
    expect(lost).toBeGreaterThanOrEqual(3);
    expect(await totalVotes(poll.id)).toBe(1);
  });

  it('a vote still unanswered when the page is reloaded is sent again after the reload', async () => {
    const poll = await createPoll(server, { title: 'Reload mid-vote', options: ['Left', 'Right'] });
    const page = await phoneOn(poll.code);
    await page.route('**/graphql', (route) => (castVotes(page)(route.request()) ? route.abort('internetdisconnected') : route.continue()));
    await button(page, 'Right').click();
    await page.getByText('Retrying your vote…').waitFor(WAIT);
    expect(await totalVotes(poll.id)).toBe(0);

    await page.unroute('**/graphql');
    await page.reload();
    await waitForText(page, 'vote-counted', 'Your vote for Right was counted.');
    expect(await totalVotes(poll.id)).toBe(1);
  });

  it('my vote survives a reload: the phone keeps its participant id and shows what it chose', async () => {
    const poll = await createPoll(server, { title: 'Remember me', options: ['Cats', 'Dogs'] });
    const page = await phoneOn(poll.code);
    const participantId = await page.evaluate((id) => localStorage.getItem(`handsup:participant:${id}`), poll.id);
    expect(participantId).toMatch(/\S+/);
    await button(page, 'Dogs').click();
    await waitForText(page, 'vote-counted', 'Your vote for Dogs was counted.');

    await page.reload();
    await waitForText(page, 'vote-counted', 'Your vote for Dogs was counted.');
    expect(await button(page, 'Dogs').getAttribute('aria-pressed')).toBe('true');
    expect(await button(page, 'Cats').isDisabled()).toBe(true);
    expect(await page.evaluate((id) => localStorage.getItem(`handsup:participant:${id}`), poll.id)).toBe(participantId);
  });

  it('a dropped connection shows on the big screen, which catches up after reconnecting', async () => {
    const poll = await createPoll(server, { title: 'Keynote of the day', options: ['Morning', 'Afternoon'] });
    const [morning] = poll.options;
    const screenDevice = await device('screen');
    // Sit between the page and the server so the test can cut the line.
    const lines: { close(): Promise<void> }[] = [];
    await screenDevice.routeWebSocket('**/graphql/realtime', (socket) => {
      const upstream = socket.connectToServer();
      lines.push({ close: async () => void (await Promise.all([socket.close(), upstream.close()])) });
    });
    const screen = await tab(screenDevice, `/p/${poll.code}/screen`);
    await screen.locator('[data-testid="results"][data-live="true"]').waitFor(WAIT);

    await Promise.all(lines.map((line) => line.close()));
    await screen.getByTestId('connection-banner').waitFor(WAIT);
    expect(await screen.getByTestId('connection-banner').textContent()).toContain('Connection lost: reconnecting…');
    expect(await screen.getByTestId('connection-state').textContent()).not.toBe('Live');

    // A vote while the screen is cut off: no push can reach it.
    await castVote(server, poll.id, await join(server, poll), morning!.id);
    // Amplify reconnects after about 5 s; the screen then reads the tally again.
    await waitForLive(screen);
    await waitForText(screen, `votes-${morning!.id}`, '1', 25_000);
    await waitForText(screen, 'total-votes', '1');
    expect(await screen.getByTestId('connection-banner').count()).toBe(0);
  });

  it('a reset clears my vote on the phone and the big screen starts again from zero', async () => {
    const poll = await createPoll(server, { title: 'Round and round', options: ['Up', 'Down'] });
    const [up] = poll.options;
    const screen = await open('screen', `/p/${poll.code}/screen`);
    await screen.locator('[data-testid="results"][data-live="true"]').waitFor(WAIT);
    const page = await phoneOn(poll.code);
    await waitForLive(page);
    await button(page, 'Up').click();
    await waitForText(page, 'vote-counted', 'Your vote for Up was counted.');
    await waitForText(screen, `votes-${up!.id}`, '1');

    await pollAction(server, 'resetPoll', poll.id);
    await page.locator('[data-testid="poll-state"][data-state="DRAFT"]').waitFor(WAIT);
    expect(await page.getByTestId('vote-counted').count()).toBe(0);
    expect(await page.getByTestId('state-message').textContent()).toContain('Voting has not started yet');
    await waitForText(screen, 'total-votes', '0');

    await pollAction(server, 'openPoll', poll.id);
    await page.locator('[data-testid="poll-state"][data-state="OPEN"]').waitFor(WAIT);
    await button(page, 'Down').click();
    await waitForText(page, 'vote-counted', 'Your vote for Down was counted.');
    await waitForText(screen, 'total-votes', '1');
    expect(pageErrors).toEqual([]);
  });
});

describe('results visibility', () => {
  it('after close: the public screen says results come at close, an organizer’s screen shows them live', async () => {
    const poll = await createPoll(server, { title: 'Secret ballot', options: ['Red', 'Blue'], resultsVisibility: 'AFTER_CLOSE' });
    const [red] = poll.options;
    const publicScreen = await open('screen', `/p/${poll.code}/screen`);
    await publicScreen.getByTestId('results-hidden').waitFor(WAIT);
    expect(await publicScreen.getByTestId('results-hidden').textContent()).toContain('The results are shown here when the poll closes.');

    const organizerBrowser = await device('screen');
    await signIn(await tab(organizerBrowser, '/organizer'), ORGANIZER);
    const organizerScreen = await tab(organizerBrowser, `/p/${poll.code}/screen`);
    await organizerScreen.locator('[data-testid="results"][data-live="true"]').waitFor(WAIT);
    await organizerScreen.getByText('Organizer view').waitFor(WAIT);

    const phone = await phoneOn(poll.code);
    await button(phone, 'Red').click();
    await waitForText(phone, 'vote-counted', 'Your vote for Red was counted.');
    expect(await phone.getByTestId('results-hint').textContent()).toBe('The results are shown when the poll closes.');
    await waitForText(organizerScreen, `votes-${red!.id}`, '1');
    expect(await publicScreen.getByTestId('total-votes').count()).toBe(0);

    await pollAction(server, 'closePoll', poll.id);
    await waitForText(publicScreen, `votes-${red!.id}`, '1');
    await waitForText(phone, 'total-votes', '1');
    expect(pageErrors).toEqual([]);
  });

  it('after voting: a phone sees the tally once it has voted, and follows it live from then on', async () => {
    const poll = await createPoll(server, { title: 'Vote to see', options: ['Tea', 'Coffee'], resultsVisibility: 'AFTER_VOTE' });
    const page = await phoneOn(poll.code);
    expect(await page.getByTestId('results-hint').textContent()).toBe('The results are shown here once you have voted.');
    await button(page, 'Tea').click();
    await waitForText(page, 'total-votes', '1');
    await page.locator('[data-testid="results"][data-live="true"]').waitFor(WAIT);
    await castVote(server, poll.id, await join(server, poll), poll.options[1]!.id);
    await waitForText(page, 'total-votes', '2');
    expect(await page.getByTestId(`result-${poll.options[0]!.id}`).getAttribute('aria-label')).toBe('Tea: 1 vote, 50%');
  });
});

describe('the organizer console', () => {
  it('resets with a confirmation, exports the tally as CSV, and deletes a poll, which phones and the screen then say', async () => {
    const poll = await createPoll(server, { title: 'Console chores', options: ['Alpha', 'Beta'] });
    await castVote(server, poll.id, await join(server, poll), poll.options[0]!.id);
    const organizer = await open('laptop', '/organizer');
    await signIn(organizer, ORGANIZER);
    const card = organizer.getByRole('listitem', { name: 'Console chores' });
    await card.waitFor(WAIT);

    const [download] = await Promise.all([organizer.waitForEvent('download'), card.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`handsup-${poll.code}-round-1.csv`);
    expect(await readFile((await download.path())!, 'utf8')).toBe(`option,label,votes\n${poll.options[0]!.id},Alpha,1\n${poll.options[1]!.id},Beta,0\ntotal,,1\n`);

    await card.getByRole('button', { name: 'Reset' }).click();
    const confirmReset = card.getByRole('alertdialog', { name: 'Confirm reset' });
    expect(await confirmReset.textContent()).toContain('Start round 2?');
    await confirmReset.getByRole('button', { name: 'Cancel' }).click();
    expect(await card.getByRole('alertdialog').count()).toBe(0);
    await card.getByRole('button', { name: 'Reset' }).click();
    await card.getByRole('button', { name: 'Yes, reset' }).click();
    await card.locator('[data-testid="poll-state"][data-state="DRAFT"]').waitFor(WAIT);
    expect(await card.textContent()).toContain('round 2');
    expect(await totalVotes(poll.id)).toBe(0);

    const phone = await phoneOn(poll.code);
    await waitForLive(phone);
    const screen = await open('screen', `/p/${poll.code}/screen`);
    await waitForLive(screen);
    await card.getByRole('button', { name: 'Delete' }).click();
    await card.getByRole('button', { name: 'Yes, delete' }).click();
    await card.waitFor({ state: 'detached', ...WAIT });
    await phone.getByRole('heading', { name: 'This poll has ended' }).waitFor(WAIT);
    await screen.getByRole('heading', { name: 'This poll was removed' }).waitFor(WAIT);

    await organizer.getByRole('button', { name: 'Sign out' }).click();
    await organizer.getByRole('heading', { name: 'Organizer sign-in' }).waitFor(WAIT);
    expect(pageErrors).toEqual([]);
  });

  it('an account outside the organizers group is told so, and an empty form is answered in words', async () => {
    const page = await open('laptop', '/organizer');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.getByTestId('signin-problem').textContent()).toBe('Enter your username.');
    await signIn(page, MEMBER);
    await page.getByRole('heading', { name: 'This account is not an organizer' }).waitFor(WAIT);
    expect(await page.getByRole('alert').textContent()).toContain('You are signed in as member, who is not in the organizers group.');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Organizer sign-in' }).waitFor(WAIT);
  });
});
