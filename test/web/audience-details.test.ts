// The details of the audience's pages that a room notices, in a real browser
// against the local AppSync: long labels on a phone, two tabs of one phone, a
// refusal where the person is looking, the keyboard focus after answering, a
// mistyped code kept, and the notice pages' landmark.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createEvent, present, questionAction } from './audience-support.ts';
import { browserSession, WAIT, waitForText } from './browser.ts';

const web = browserSession();
const { open, device, tab, pageErrors } = web;

const JOURNEY_MS = 120_000;

/** An open single-choice question on an event of its own, on now. */
async function onePoll(title: string, options: string[], more: Record<string, unknown> = {}) {
  const event = await createEvent(web.server, title, [{ type: 'MULTIPLE_CHOICE', title, options, resultsVisibility: 'ALWAYS', ...more }]);
  const question = event.questions[0]!;
  await present(web.server, event, question);
  return { event, question };
}

async function joined(page: Page): Promise<Page> {
  await page.locator('main[data-joined="true"]').waitFor(WAIT);
  await page.locator('.answering[data-answered="false"]').waitFor(WAIT);
  return page;
}

const button = (page: Page, label: string) => page.getByRole('button', { name: label, exact: true });

/** How far the page scrolls sideways, and the widest right edge of these elements, in CSS pixels. */
const sideways = (page: Page, selector: string) =>
  page.evaluate((all) => ({
    scroll: document.documentElement.scrollWidth - window.innerWidth,
    right: Math.max(...[...document.querySelectorAll(all)].map((element) => Math.ceil(element.getBoundingClientRect().right))),
  }), selector);

/** The element's box against the viewport: whether it is wholly inside. */
const inView = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth;
  });

describe('the audience’s pages, in detail', { timeout: JOURNEY_MS }, () => {
  it('an option that is one long URL wraps inside a 390 px phone: no sideways scrolling, before or after answering', async () => {
    const url = 'https://docs.example.com/appsync/real-time/subscriptions/enhanced-filtering';
    const { event } = await onePoll('Which page helped most?', [url, 'The README']);
    const page = await joined(await open('phone', `/p/${event.code}`));
    const before = await sideways(page, '.vote-button');
    expect(before.scroll).toBe(0);
    expect(before.right).toBeLessThanOrEqual(390);
    await button(page, url).click();
    await page.getByTestId('vote-counted').waitFor(WAIT);
    await page.getByTestId('results').locator('[data-testid^="votes-"]').first().waitFor(WAIT);
    const after = await sideways(page, 'main *');
    expect(after.scroll).toBe(0);
    expect(after.right).toBeLessThanOrEqual(390);
  });

  it('an answer sent from one tab of a phone shows as counted in its other tab at once, which then offers no other', async () => {
    const { event } = await onePoll('Window or aisle?', ['Window', 'Aisle']);
    const phone = await device('phone');
    const first = await joined(await tab(phone, `/p/${event.code}`));
    const second = await joined(await tab(phone, `/p/${event.code}`));
    await button(first, 'Window').click();
    await waitForText(first, 'vote-counted', 'Your answer Window was counted.');
    await waitForText(second, 'vote-counted', 'Your answer Window was counted.');
    expect(await button(second, 'Aisle').isDisabled()).toBe(true);
    expect(await second.getByTestId('vote-refused').count()).toBe(0);
  });

  it('a tab that answers after another tab of the phone did says once what was counted, not "counted" and "not counted" together', async () => {
    const { event } = await onePoll('Stairs or lift?', ['Stairs', 'Lift']);
    const phone = await device('phone');
    // A browser whose tabs cannot tell each other (no BroadcastChannel): the second tab learns it from the web.server.
    await phone.addInitScript(() => void Reflect.deleteProperty(window, 'BroadcastChannel'));
    const first = await joined(await tab(phone, `/p/${event.code}`));
    const second = await joined(await tab(phone, `/p/${event.code}`));
    await button(first, 'Stairs').click();
    await waitForText(first, 'vote-counted', 'Your answer Stairs was counted.');

    await button(second, 'Lift').click();
    await waitForText(second, 'vote-refused', 'This answer was not counted. You have already answered this question, and answers cannot be changed. The answer counted is Stairs.');
    expect(await second.getByTestId('vote-counted').count()).toBe(0);
    expect(await button(second, 'Stairs').getAttribute('aria-pressed')).toBe('true');
    expect(pageErrors).toEqual([]);
  });

  it('a refusal shows where the person is looking: in view below ten options, announced as an alert', async () => {
    const options = Array.from({ length: 10 }, (_, i) => `Proposal ${i + 1}`);
    const { event, question } = await onePoll('Which proposal?', options);
    const phone = await device('phone');
    // This phone's live updates never arrive: it still offers the question after it closed.
    await phone.routeWebSocket('**/graphql/realtime', () => undefined);
    const page = await joined(await tab(phone, `/p/${event.code}`));
    await questionAction(web.server, 'closeQuestion', event, question);

    await button(page, 'Proposal 1').click();
    await page.getByTestId('vote-refused').waitFor(WAIT);
    await page.locator('[data-testid="poll-state"][data-state="CLOSED"]').waitFor(WAIT);
    expect(await page.getByRole('alert').filter({ hasText: 'not counted' }).count()).toBe(1);
    await page.waitForFunction(() => {
      const box = document.querySelector('[data-testid="vote-refused"]')!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }, undefined, WAIT);
    expect(await inView(page, 'vote-refused')).toBe(true);
  });

  it('an answer sent from the keyboard leaves the focus on what became of it, not on the page', async () => {
    const { event } = await onePoll('Tabs or spaces?', ['Tabs', 'Spaces']);
    const page = await joined(await open('phone', `/p/${event.code}`));
    await button(page, 'Spaces').focus();
    await page.keyboard.press('Enter');
    await waitForText(page, 'vote-counted', 'Your answer Spaces was counted.');
    const focused = await page.evaluate(() => ({ body: document.activeElement === document.body, text: document.activeElement?.textContent ?? '' }));
    expect(focused).toEqual({ body: false, text: expect.stringContaining('Your answer Spaces was counted.') });
  });

  it('a mistyped code is still there, to correct, after going back to the join page', async () => {
    const page = await open('phone', '/join');
    await page.getByLabel('Code on the screen').fill('k7qx2n');
    await button(page, 'Join').click();
    await page.getByRole('heading', { name: 'Nothing has the code K7QX2N' }).waitFor(WAIT);
    await page.goBack();
    await page.getByLabel('Code on the screen').waitFor(WAIT);
    expect(await page.getByLabel('Code on the screen').inputValue()).toBe('K7QX2N');
  });

  it('a notice page keeps its main landmark, and announces its message', async () => {
    for (const [path, title] of [
      ['/no/such/page', 'Page not found'],
      ['/p/NOSUCH', 'Nothing has the code NOSUCH'],
    ] as const) {
      const page = await open('phone', path);
      await page.getByRole('heading', { name: title }).waitFor(WAIT);
      expect({ path, main: await page.getByRole('main').count(), alert: await page.getByRole('alert').getByRole('heading').textContent() }).toEqual({ path, main: 1, alert: title });
    }
  });
});
