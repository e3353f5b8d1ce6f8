// The big screen fits any projector: at 1024×768, 1280×720, 1920×1080 and
// 3840×2160, with the connection banner showing, 10 options and 80-character
// labels, the counts, every bar and the join code are inside the viewport.
// Each size is screenshotted (the paths are printed) for a person to look at.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { castVote, createQuestion, join as joinEvent, type TestEvent, type TestQuestion } from '../support/local-appsync.ts';
import { browserSession, WAIT } from './browser.ts';

const web = browserSession();

const SIZES = [
  [1024, 768],
  [1280, 720],
  [1920, 1080],
  [3840, 2160],
] as const;

const LABEL = (n: number) => `Option ${n}: a label that runs to eighty characters, as some organizers write them`.slice(0, 80);

let event: TestEvent;
let question: TestQuestion;
const shots = mkdtempSync(join(tmpdir(), 'handsup-screen-fit-'));

beforeAll(async () => {
  ({ event, question } = await createQuestion(web.server, {
    question: { title: 'Which of these ten proposals should the programme committee fund next year?', options: Array.from({ length: 10 }, (_, i) => LABEL(i + 1)) },
  }));
  for (let i = 0; i < 12; i++) await castVote(web.server, question, await joinEvent(web.server, event), [question.options[i % 4]!.id]);
});

/** The big screen at this size, its connection cut after it went live, so the banner shows. */
async function screenWithBanner(width: number, height: number): Promise<Page> {
  const context = await web.browser.newContext({ viewport: { width, height } });
  let cut = false;
  const lines: (() => Promise<void>)[] = [];
  await context.routeWebSocket('**/graphql/realtime', (socket) => {
    if (cut) return void socket.close();
    const upstream = socket.connectToServer();
    lines.push(async () => void (await Promise.all([socket.close(), upstream.close()])));
  });
  const page = await context.newPage();
  await page.goto(`${web.origin}/p/${event.code}/screen`);
  await page.locator('[data-testid="results"][data-live="true"]').waitFor(WAIT);
  cut = true;
  await Promise.all(lines.map((close) => close()));
  await page.getByTestId('connection-banner').waitFor(WAIT);
  return page;
}

/** The parts of the element outside the viewport, in pixels (0 when it is wholly inside). */
async function outside(page: Page, selector: string): Promise<number[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      const overflow = [-box.left, -box.top, box.right - window.innerWidth, box.bottom - window.innerHeight];
      return Math.max(0, ...overflow.map((n) => Math.ceil(n)));
    }),
  );
}

/** The pairs of these elements whose boxes intersect (one drawn over the other). */
async function overlaps(page: Page, selectors: string[]): Promise<string[]> {
  return page.evaluate((all) => {
    const boxes = all.map((selector) => ({ selector, box: document.querySelector(selector)?.getBoundingClientRect() }));
    const found: string[] = [];
    boxes.forEach((a, i) =>
      boxes.slice(i + 1).forEach((b) => {
        if (!a.box || !b.box) return;
        const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (x > 0.5 && y > 0.5) found.push(`${a.selector} × ${b.selector}`);
      }),
    );
    return found;
  }, selectors);
}

describe('the big screen on a projector', () => {
  for (const [width, height] of SIZES) {
    it(`at ${width}×${height} shows the counts, every bar and the join code inside the viewport, banner and all`, async () => {
      const page = await screenWithBanner(width, height);
      const path = join(shots, `screen-${width}x${height}.png`);
      await page.screenshot({ path });
      console.info(`screenshot: ${path}`);
      expect(await page.locator('[data-testid^="result-"]').count()).toBe(10);
      expect(await outside(page, '[data-testid^="result-"]')).toEqual(Array(10).fill(0));
      expect(await outside(page, '[data-testid="event-counts"]')).toEqual([0]);
      expect(await outside(page, '[data-testid="join-code"]')).toEqual([0]);
      expect(await outside(page, '[data-testid="connection-banner"]')).toEqual([0]);
      expect(await overlaps(page, ['.screen-page__title', '[data-testid="connection-banner"]', '.result-rows', '.total', '.join-panel'])).toEqual([]);
      await page.context().close();
    }, 90_000);
  }
});
