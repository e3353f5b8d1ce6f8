// axe-core on every page of HandsUp, in the state people meet it: the join page,
// a phone on each question type (before and after answering), the big screen on
// each, the presenter view, the organizer console (sign-in, events, editor) and
// the notice pages. No serious or critical violation anywhere.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ORGANIZER } from '../support/local-appsync.ts';
import { seriousViolations } from './axe.ts';
import { browserSession, WAIT, waitForLive } from './browser.ts';
import { ask, createEvent, deleteEvent, joinEvent, presenter, vote, type TestEvent } from './organizer-support.ts';

const web = browserSession({ organizer: ORGANIZER });
const { open, pageErrors, laptop } = web;

// One event per question type, its question on and open, with an answer or a question already in.
const TYPES = {
  'multiple choice': { type: 'MULTIPLE_CHOICE', title: 'Which cloud?', options: ['AWS', 'Azure', 'Google Cloud'], resultsVisibility: 'ALWAYS' },
  rating: { type: 'RATING', title: 'Rate the talk', scale: 5, resultsVisibility: 'ALWAYS' },
  'word cloud': { type: 'WORD_CLOUD', title: 'One word for today', resultsVisibility: 'ALWAYS' },
  'Q&A': { type: 'QA', title: 'Ask the speaker' },
} as const;
type TypeName = keyof typeof TYPES;
const events = {} as Record<TypeName, TestEvent>;

beforeAll(async () => {
  for (const [name, question] of Object.entries(TYPES) as [TypeName, (typeof TYPES)[TypeName]][]) {
    const event = await createEvent(web.server, `Axe: ${name}`, [question]);
    const [on] = event.questions;
    await presenter(web.server, 'goToQuestion', event.id, on!.id);
    await presenter(web.server, 'openQuestion', event.id, on!.id);
    const participant = await joinEvent(web.server, event.code);
    if (question.type === 'MULTIPLE_CHOICE') await vote(web.server, event.id, on!.id, participant, [on!.options[0]!.id]);
    if (question.type === 'QA') await ask(web.server, event.id, on!.id, participant, 'Will the slides be shared?');
    events[name] = event;
  }
});

/** What axe finds on the page, once it shows `ready`. */
async function violations(page: Page, ready: string): Promise<string[]> {
  await page.locator(ready).first().waitFor(WAIT);
  return seriousViolations(page);
}

describe('no serious or critical accessibility violation', { timeout: 60_000 }, () => {
  it('on the landing page', async () => {
    expect(await violations(await open('phone', '/'), 'main')).toEqual([]);
  });

  it('on the join page, and with its error showing', async () => {
    const page = await open('phone', '/join');
    expect(await violations(page, '#code')).toEqual([]);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    expect(await violations(page, '#code-problem')).toEqual([]);
  });

  for (const name of Object.keys(TYPES) as TypeName[]) {
    it(`on a phone answering ${name}, before and after answering`, async () => {
      const page = await open('phone', `/p/${events[name].code}`);
      await page.locator('main[data-joined="true"]').waitFor(WAIT);
      await waitForLive(page);
      expect(await violations(page, '[data-testid="question"]')).toEqual([]);
      if (name === 'multiple choice') {
        await page.getByRole('button', { name: 'Azure', exact: true }).click();
        expect(await violations(page, '[data-testid="vote-counted"]')).toEqual([]);
      } else if (name === 'rating') {
        await page.getByRole('button', { name: '4 of 5' }).click();
        expect(await violations(page, '[data-testid="vote-counted"]')).toEqual([]);
      } else if (name === 'word cloud') {
        await page.getByLabel('Word 1').fill('calm');
        await page.getByRole('button', { name: 'Send', exact: true }).click();
        expect(await violations(page, '[data-testid="vote-counted"]')).toEqual([]);
      } else {
        await page.getByLabel('Your question').fill('Is there a recording?');
        await page.getByRole('button', { name: 'Ask', exact: true }).click();
        expect(await violations(page, '[data-testid="qa-told"]')).toEqual([]);
      }
      expect(pageErrors).toEqual([]);
    });

    it(`on the big screen showing ${name}`, async () => {
      const page = await open('screen', `/p/${events[name].code}/screen`);
      await waitForLive(page);
      expect(await violations(page, name === 'Q&A' ? '[data-testid="qa-empty"], [data-testid="qa-entry"]' : '[data-testid="results"][data-live="true"]')).toEqual([]);
    });
  }

  it('on the presenter view', async () => {
    const page = await laptop.tab(`/organizer/events/${events['multiple choice'].id}/present`);
    expect(await violations(page, '[data-testid="presenter"]')).toEqual([]);
  });

  it('on the organizer’s sign-in', async () => {
    const page = await open('laptop', '/organizer');
    expect(await violations(page, 'text=Organizer sign-in')).toEqual([]);
  });

  it('on the organizer’s list of events', async () => {
    const page = await laptop.tab('/organizer');
    expect(await violations(page, '[data-testid="events"][data-live="true"]')).toEqual([]);
  });

  it('on the organizer’s event editor', async () => {
    const page = await laptop.tab(`/organizer/events/${events['Q&A'].id}`);
    expect(await violations(page, '[data-testid="event-editor"]')).toEqual([]);
  });

  it('on the notice pages: no such page, no such code', async () => {
    for (const [path, title] of [
      ['/no/such/page', 'Page not found'],
      ['/p/NOSUCH', 'Nothing has the code NOSUCH'],
    ] as const) {
      const page = await open('phone', path);
      expect({ path, found: await violations(page, `h1:has-text("${title}")`) }).toEqual({ path, found: [] });
    }
  });

  it('on the notices of an event removed while a phone and the big screen show it', async () => {
    const event = await createEvent(web.server, 'Axe: removed', [{ title: 'Soon gone' }]);
    const phone = await open('phone', `/p/${event.code}`);
    const screen = await open('screen', `/p/${event.code}/screen`);
    await Promise.all([waitForLive(phone), waitForLive(screen)]);
    await deleteEvent(web.server, event.id);
    expect(await violations(phone, 'h1:has-text("This event has ended")')).toEqual([]);
    expect(await violations(screen, 'h1:has-text("This event was removed")')).toEqual([]);
  });
});
