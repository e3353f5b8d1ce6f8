// The big screen's controls for the laptop at the projector, in real Chromium:
// full screen from a button (and back, however it is left), and the screen kept
// awake while the page is shown. Where a browser has neither, the page works without.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createQuestion, type TestEvent } from '../support/local-appsync.ts';
import { browserSession, WAIT, waitForLive } from './browser.ts';

const web = browserSession();
const { device, tab, pageErrors } = web;

let event: TestEvent;

beforeAll(async () => {
  ({ event } = await createQuestion(web.server));
});

// Each lock the page asks for, kept where the test can read it: Chromium grants them, but shows no sign of it.
const RECORD_WAKE_LOCKS = () => {
  const record: WakeLockSentinel[] = [];
  (window as unknown as { wakeLocks: WakeLockSentinel[] }).wakeLocks = record;
  const request = navigator.wakeLock.request.bind(navigator.wakeLock);
  navigator.wakeLock.request = (type) => request(type).then((sentinel) => (record.push(sentinel), sentinel));
};

/** The locks the page asked for so far: their type, and whether each is still held. */
const wakeLocks = (page: Page) => page.evaluate(() => (window as unknown as { wakeLocks: WakeLockSentinel[] }).wakeLocks.map((lock) => ({ type: lock.type, held: !lock.released })));

async function bigScreen(setUp?: () => void): Promise<Page> {
  const context = await device('screen');
  if (setUp) await context.addInitScript(setUp);
  const page = await tab(context, `/p/${event.code}/screen`);
  await page.getByTestId('join-code').waitFor(WAIT);
  await waitForLive(page);
  return page;
}

const fullscreen = (page: Page) => page.evaluate(() => document.fullscreenElement?.tagName ?? null);

describe('the big screen’s controls', () => {
  it('goes full screen from its button and back, and follows full screen left any other way', async () => {
    const page = await bigScreen();
    const button = page.getByTestId('fullscreen');
    expect(await button.textContent()).toBe('Full screen');

    await button.click();
    await page.waitForFunction(() => document.fullscreenElement !== null, undefined, WAIT);
    expect(await fullscreen(page)).toBe('HTML');
    await page.getByRole('button', { name: 'Exit full screen' }).waitFor(WAIT);

    await button.click();
    await page.waitForFunction(() => document.fullscreenElement === null, undefined, WAIT);
    await page.getByRole('button', { name: 'Full screen', exact: true }).waitFor(WAIT);

    // Left by the browser (Esc, F11): the label follows.
    await button.click();
    await page.getByRole('button', { name: 'Exit full screen' }).waitFor(WAIT);
    await page.evaluate(() => document.exitFullscreen());
    await page.getByRole('button', { name: 'Full screen', exact: true }).waitFor(WAIT);
    expect(pageErrors).toEqual([]);
  });

  it('keeps the screen awake, and asks again when shown after the browser dropped the lock', async () => {
    const page = await bigScreen(RECORD_WAKE_LOCKS);
    await page.waitForFunction(() => (window as unknown as { wakeLocks: unknown[] }).wakeLocks.length > 0, undefined, WAIT);
    expect(await wakeLocks(page)).toEqual([{ type: 'screen', held: true }]);

    // What Chromium does when the tab is hidden and shown again (headless never hides a page).
    await page.evaluate(async () => {
      await (window as unknown as { wakeLocks: WakeLockSentinel[] }).wakeLocks[0]!.release();
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForFunction(() => (window as unknown as { wakeLocks: unknown[] }).wakeLocks.length > 1, undefined, WAIT);
    expect(await wakeLocks(page)).toEqual([
      { type: 'screen', held: false },
      { type: 'screen', held: true },
    ]);
  });

  it('where the browser has neither full screen nor wake lock, shows the screen without the button or an error', async () => {
    const page = await bigScreen(() => {
      Object.defineProperty(Document.prototype, 'fullscreenEnabled', { get: () => false });
      Object.defineProperty(Navigator.prototype, 'wakeLock', { get: () => undefined });
    });
    expect(await page.getByTestId('event-counts').isVisible()).toBe(true);
    expect(await page.getByTestId('fullscreen').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
