// The presenter view in a real browser against the local AppSync: it moves the
// room from question to question, reveals and hides results on the big screen,
// sees its private results and counts live, and moderates Q&A.
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ORGANIZER } from '../support/local-appsync.ts';
import { browserSession, WAIT, waitForText } from './browser.ts';
import { ask, audienceEntries, createEvent, joinEvent, presenter, readEvent, vote } from './organizer-support.ts';

const web = browserSession({ organizer: ORGANIZER });
const { open, pageErrors, laptop } = web;

/** The presenter view of an event on the signed-in laptop. */
async function presenterView(eventId: string): Promise<Page> {
  const page = await laptop.tab(`/organizer/events/${eventId}/present`);
  await page.getByTestId('presenter').waitFor(WAIT);
  return page;
}

const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });

// Journeys across several pages and devices: a minute each, for a machine busy with other test files.
describe('the presenter view', { timeout: 60_000 }, () => {
  it('is for signed-in organizers: the address asks for the sign-in first', async () => {
    const event = await createEvent(web.server, 'Private', [{ title: 'Only me' }]);
    const page = await open('laptop', `/organizer/events/${event.id}/present`);
    await page.getByRole('heading', { name: 'Organizer sign-in' }).waitFor(WAIT);
    expect(await page.getByText('Only me').count()).toBe(0);
  });

  it('moves next, previous and to any question, and a phone on the event’s link follows', async () => {
    const event = await createEvent(web.server, 'Following', [{ title: 'Breakfast?' }, { title: 'Lunch?' }, { title: 'Dinner?' }]);
    const page = await presenterView(event.id);
    const phone = await open('phone', `/p/${event.code}`);

    await button(page, 'Next →').click();
    await waitForText(page, 'current-question', 'Breakfast?');
    await phone.getByRole('heading', { name: 'Breakfast?' }).waitFor(WAIT);
    await button(page, 'Next →').click();
    await waitForText(page, 'question-position', 'Question 2 of 3');
    await phone.getByRole('heading', { name: 'Lunch?' }).waitFor(WAIT);
    await page.getByRole('button', { name: /^3 Dinner\?/ }).click();
    await waitForText(page, 'current-question', 'Dinner?');
    await phone.getByRole('heading', { name: 'Dinner?' }).waitFor(WAIT);
    await button(page, '← Previous').click();
    await phone.getByRole('heading', { name: 'Lunch?' }).waitFor(WAIT);
    expect((await readEvent(web.server, event.id)).currentQuestionId).toBe(event.questions[1]!.id);
    expect([...pageErrors, ...laptop.errors]).toEqual([]);
  });

  it('sees its private results and “joined · voted” live, while the big screen keeps them hidden until revealed', async () => {
    const event = await createEvent(web.server, 'Secret ballot', [{ title: 'Cats or dogs?', options: ['Cats', 'Dogs'], resultsVisibility: 'AFTER_CLOSE' }]);
    const question = event.questions[0]!;
    await presenter(web.server, 'goToQuestion', event.id, question.id);
    const page = await presenterView(event.id);
    await button(page, 'Open voting').click();
    await page.locator('[data-testid="question-state"][data-state="OPEN"]').first().waitFor(WAIT);
    const screen = await open('screen', `/p/${event.code}/screen`);
    await screen.getByTestId('results-hidden').waitFor(WAIT);
    expect(await page.getByTestId('screen-results').getAttribute('data-shown')).toBe('false');

    const [cat, dog] = [await joinEvent(web.server, event.code), await joinEvent(web.server, event.code)];
    await vote(web.server, event.id, question.id, cat, [question.options[0]!.id]);
    await waitForText(page, `votes-${question.options[0]!.id}`, '1');
    await waitForText(page, 'event-stats', '2 joined · 1 voted');
    await vote(web.server, event.id, question.id, dog, [question.options[1]!.id]);
    await waitForText(page, `votes-${question.options[1]!.id}`, '1');
    await waitForText(page, 'event-stats', '2 joined · 2 voted');
    expect(await screen.getByTestId('results-hidden').count()).toBe(1);

    await button(page, 'Reveal results').click();
    await page.locator('[data-testid="screen-results"][data-shown="true"]').waitFor(WAIT);
    await screen.getByTestId('results-hidden').waitFor({ state: 'detached', ...WAIT });
    await waitForText(screen, `votes-${question.options[0]!.id}`, '1');

    await button(page, 'Hide results').click();
    await page.locator('[data-testid="screen-results"][data-shown="false"]').waitFor(WAIT);
    await screen.getByTestId('results-hidden').waitFor(WAIT);
    expect(await screen.getByTestId(`votes-${question.options[0]!.id}`).count()).toBe(0);
    expect([...pageErrors, ...laptop.errors]).toEqual([]);
  });

  it('moderates Q&A: a pending question shows to the audience once approved, then is marked answered', async () => {
    const event = await createEvent(web.server, 'Ask me anything', [{ type: 'QA', title: 'Your questions', moderated: true }]);
    const qa = event.questions[0]!;
    await presenter(web.server, 'goToQuestion', event.id, qa.id);
    await presenter(web.server, 'openQuestion', event.id, qa.id);
    const page = await presenterView(event.id);
    const participant = await joinEvent(web.server, event.code);
    await ask(web.server, event.id, qa.id, participant, 'What is next for the product?');

    const entry = page.getByRole('listitem', { name: 'What is next for the product?' });
    await entry.waitFor(WAIT);
    expect(await entry.getAttribute('data-status')).toBe('PENDING');
    expect(await audienceEntries(web.server, event.id, qa.id)).toEqual([]);

    await button(entry, 'Approve').click();
    await page.locator('[data-testid="entry"][data-status="APPROVED"]').waitFor(WAIT);
    expect(await audienceEntries(web.server, event.id, qa.id)).toEqual([{ text: 'What is next for the product?', status: 'APPROVED' }]);

    await button(entry, 'Mark answered').click();
    await page.locator('[data-testid="entry"][data-status="ANSWERED"]').waitFor(WAIT);
    expect([...pageErrors, ...laptop.errors]).toEqual([]);
  });
});
