// The audience's side of an event, in a real browser against the local AppSync:
// phones follow the presenter from question to question, each question type on a
// phone viewport and on the big screen, and the big screen shows exactly what the
// audience may see. The presenter's actions go through GraphQL (audience-support.ts).
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ORGANIZER } from '../support/local-appsync.ts';
import { createEvent, moderate, organizerEntries, organizerResults, present, questionAction, setReveal, type TestEvent } from './audience-support.ts';
import { browserSession, signIn, WAIT, waitForLive, waitForText } from './browser.ts';

const web = browserSession();
const { open, device, tab, pageErrors } = web;

// Several devices per journey, each step waiting up to WAIT: more than the suite's 30 s default on a busy machine.
const JOURNEY_MS = 120_000;

/** A phone on the event's page, joined and live. */
async function phoneOn(event: TestEvent): Promise<Page> {
  const page = await open('phone', `/p/${event.code}`);
  await page.locator('main[data-joined="true"]').waitFor(WAIT);
  await waitForLive(page);
  return page;
}

/** A big screen on the event, live. */
async function screenOn(event: TestEvent): Promise<Page> {
  const page = await open('screen', `/p/${event.code}/screen`);
  await page.getByTestId('join-code').waitFor(WAIT);
  await waitForLive(page);
  return page;
}

/** Waits until the page shows this question (by id). */
const showing = (page: Page, questionId: string) => page.locator(`main[data-question-id="${questionId}"]`).waitFor(WAIT);

const button = (page: Page, label: string) => page.getByRole('button', { name: label, exact: true });

const mc = (title: string, options: string[], more: Record<string, unknown> = {}) => ({ type: 'MULTIPLE_CHOICE', title, options, resultsVisibility: 'ALWAYS', ...more });

describe('the audience of an event', { timeout: JOURNEY_MS }, () => {
  it('phones and the big screen follow the presenter from question to question, and a late joiner lands on the current one', async () => {
    const event = await createEvent(web.server, 'Platform talk', [mc('Which cloud?', ['AWS', 'Azure']), { type: 'RATING', title: 'Rate the talk', scale: 5, resultsVisibility: 'ALWAYS' }]);
    const [cloud, rating] = event.questions;
    const screen = await screenOn(event);
    const phone = await phoneOn(event);
    expect(await phone.getByTestId('state-message').textContent()).toContain('You are in.');

    await present(web.server, event, cloud!);
    await showing(phone, cloud!.id);
    await showing(screen, cloud!.id);
    await button(phone, 'AWS').click();
    await waitForText(phone, 'vote-counted', 'Your answer AWS was counted.');
    await waitForText(screen, `votes-${cloud!.options[0]!.id}`, '1');

    await present(web.server, event, rating!);
    // Pushed: no reload on either.
    await showing(phone, rating!.id);
    await waitForText(phone, 'question-title', 'Rate the talk');
    await waitForText(screen, 'question-title', 'Rate the talk');

    const late = await phoneOn(event);
    expect(await late.locator('main').getAttribute('data-question-id')).toBe(rating!.id);
    expect(await late.getByRole('group', { name: 'Rate from 1 to 5' }).getByRole('button').count()).toBe(5);
    // Two phones have joined; the screen reads its counts every few seconds.
    await waitForText(screen, 'joined', '2');
    expect(pageErrors).toEqual([]);
  });

  it('multiple choice up to two, changed while the question allows it: the bars move and count each phone once', async () => {
    const event = await createEvent(web.server, 'Lunch', [mc('Pick two toppings', ['Egg', 'Nori', 'Chashu'], { maxChoices: 2, allowChange: true })]);
    const [question] = event.questions;
    const [egg, nori, chashu] = question!.options;
    await present(web.server, event, question!);
    const screen = await screenOn(event);
    const phone = await phoneOn(event);
    await showing(phone, question!.id);

    await button(phone, 'Egg').click();
    await button(phone, 'Nori').click();
    // Two picked: the third waits until one is unpicked.
    expect(await button(phone, 'Chashu').isDisabled()).toBe(true);
    await button(phone, 'Send my 2 choices').click();
    await waitForText(phone, 'vote-counted', 'Your answer Egg, Nori was counted. You can change it until the question closes.');
    await waitForText(screen, `votes-${egg!.id}`, '1');
    await waitForText(screen, `votes-${nori!.id}`, '1');
    await waitForText(screen, 'voted', '1');

    await button(phone, 'Nori').click();
    await button(phone, 'Chashu').click();
    await button(phone, 'Change my answer').click();
    await waitForText(phone, 'vote-counted', 'Your answer Egg, Chashu was counted. You can change it until the question closes.');
    await waitForText(screen, `votes-${chashu!.id}`, '1');
    await waitForText(screen, `votes-${nori!.id}`, '0');
    const results = await organizerResults(web.server, event, question!);
    expect({ total: results.totalVotes, voters: results.voters }).toEqual({ total: 2, voters: 1 });
    expect(pageErrors).toEqual([]);
  });

  it('a rating shows its distribution and average on the big screen', async () => {
    const event = await createEvent(web.server, 'Keynote', [{ type: 'RATING', title: 'How was the keynote?', scale: 5, resultsVisibility: 'ALWAYS' }]);
    const [question] = event.questions;
    await present(web.server, event, question!);
    const screen = await screenOn(event);
    const [first, second] = await Promise.all([phoneOn(event), phoneOn(event)]);
    await first.getByRole('button', { name: '4 of 5' }).click();
    await waitForText(first, 'vote-counted', 'Your answer 4 was counted.');
    await second.getByRole('button', { name: '5 of 5' }).click();
    await waitForText(second, 'vote-counted', 'Your answer 5 was counted.');
    await waitForText(screen, 'rating-average', '4.5');
    expect(await screen.getByTestId(`result-${question!.options[3]!.id}`).getAttribute('aria-label')).toBe('4: 1 vote, 50%');
    // The phones see the same average (visibility ALWAYS).
    await waitForText(first, 'rating-average', '4.5');
  });

  it('a word cloud grows with each phone’s words, the most frequent the largest', async () => {
    const event = await createEvent(web.server, 'Retro', [{ type: 'WORD_CLOUD', title: 'One word for this sprint', resultsVisibility: 'ALWAYS' }]);
    const [question] = event.questions;
    await present(web.server, event, question!);
    const screen = await screenOn(event);
    await screen.getByTestId('word-cloud-empty').waitFor(WAIT);
    const [first, second] = await Promise.all([phoneOn(event), phoneOn(event)]);

    await first.getByLabel('Word 1').fill('Calm');
    await first.getByLabel('Word 2').fill('  busy   week ');
    await first.getByRole('button', { name: 'Send', exact: true }).click();
    await waitForText(first, 'vote-counted', 'Your answer calm, busy week was counted.');
    await screen.locator('[data-testid="word-calm"][data-count="1"]').waitFor(WAIT);

    await second.getByLabel('Word 1').fill('calm');
    await second.getByRole('button', { name: 'Send', exact: true }).click();
    await screen.locator('[data-testid="word-calm"][data-count="2"]').waitFor(WAIT);
    await screen.locator('[data-testid="word-busy week"][data-count="1"]').waitFor(WAIT);
    const size = (word: string) => screen.getByTestId(`word-${word}`).evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
    expect(await size('calm')).toBeGreaterThan(await size('busy week'));
  });

  it('Q&A: a question waits for approval, then appears on the screen; upvotes reorder the list and the pinned one stands out', async () => {
    const event = await createEvent(web.server, 'AMA', [{ type: 'QA', title: 'Ask me anything', moderated: true }]);
    const [question] = event.questions;
    await present(web.server, event, question!);
    const screen = await screenOn(event);
    await screen.getByTestId('qa-empty').waitFor(WAIT);
    const [asker, voter] = await Promise.all([phoneOn(event), phoneOn(event)]);

    await asker.getByLabel('Your question').fill('Will there be slides?');
    await asker.getByRole('button', { name: 'Ask', exact: true }).click();
    await waitForText(asker, 'qa-told', 'Your question was sent. It appears in the list once the moderator approves it.');
    await voter.getByLabel('Your question').fill('What about pricing?');
    await voter.getByLabel('Ask anonymously').uncheck();
    await voter.getByLabel('Your name').fill('Kenji');
    await voter.getByRole('button', { name: 'Ask', exact: true }).click();
    await voter.getByTestId('qa-told').waitFor(WAIT);
    // Pending: the audience sees neither yet.
    expect(await screen.getByTestId('qa-entry').count()).toBe(0);

    const pending = await organizerEntries(web.server, event, question!);
    expect(pending.map((entry) => entry.status)).toEqual(['PENDING', 'PENDING']);
    const slides = pending.find((entry) => entry.text === 'Will there be slides?')!;
    const pricing = pending.find((entry) => entry.text === 'What about pricing?')!;
    await moderate(web.server, event, question!, slides.id, { status: 'APPROVED' });
    await moderate(web.server, event, question!, pricing.id, { status: 'APPROVED' });
    await screen.locator('[data-testid="qa-entry"]').nth(1).waitFor(WAIT);

    // The asker upvotes the other question: it goes to the top everywhere.
    const entryOn = (page: Page, id: string) => page.locator(`[data-testid="qa-entry"][data-entry-id="${id}"]`);
    await entryOn(asker, pricing.id).getByRole('button', { name: 'Upvote, 0 so far' }).click();
    await entryOn(asker, pricing.id).getByRole('button', { name: 'Withdraw your upvote, 1 so far' }).waitFor(WAIT);
    await screen.waitForFunction((id) => document.querySelector('[data-testid="qa-entry"]')?.getAttribute('data-entry-id') === id, pricing.id, WAIT);
    expect(await entryOn(screen, pricing.id).getByTestId('qa-upvotes').textContent()).toBe('1');
    expect(await entryOn(screen, pricing.id).locator('.qa-entry__author').textContent()).toBe('Kenji');
    expect(await entryOn(screen, slides.id).locator('.qa-entry__author').textContent()).toBe('Anonymous');

    // Withdrawn: back to zero.
    await entryOn(asker, pricing.id).getByRole('button', { name: 'Withdraw your upvote, 1 so far' }).click();
    await entryOn(asker, pricing.id).getByRole('button', { name: 'Upvote, 0 so far' }).waitFor(WAIT);

    // Pinned: on top of the screen, marked.
    await moderate(web.server, event, question!, slides.id, { pinned: true });
    await entryOn(screen, slides.id).and(screen.locator('[data-pinned="true"]')).waitFor(WAIT);
    expect(await screen.locator('[data-testid="qa-entry"]').first().getAttribute('data-entry-id')).toBe(slides.id);
    expect(pageErrors).toEqual([]);
  });

  it('the big screen hides AFTER_CLOSE results even with an organizer signed in in its browser, and shows them live when the presenter reveals them', async () => {
    const event = await createEvent(web.server, 'Board meeting', [mc('Approve the budget?', ['Yes', 'No'], { resultsVisibility: 'AFTER_CLOSE' })]);
    const [question] = event.questions;
    const [yes] = question!.options;
    await present(web.server, event, question!);

    // The projector's laptop: the organizer signed in to the console in this browser.
    const laptop = await device('screen');
    const signedIn = await tab(laptop, '/organizer');
    await signIn(signedIn, ORGANIZER);
    await signedIn.waitForFunction(() => Object.keys(localStorage).some((key) => key.endsWith('.idToken')), undefined, WAIT);
    const screen = await tab(laptop, `/p/${event.code}/screen`);
    await screen.getByTestId('results-hidden').waitFor(WAIT);
    await waitForLive(screen);

    const phone = await phoneOn(event);
    await button(phone, 'Yes').click();
    await waitForText(phone, 'vote-counted', 'Your answer Yes was counted.');
    await waitForText(screen, 'voted', '1');
    expect(await screen.getByTestId('results-hidden').isVisible()).toBe(true);
    expect(await screen.getByTestId(`votes-${yes!.id}`).count()).toBe(0);
    expect(await phone.getByTestId('results-hint').textContent()).toBe('The results are shown when the question closes.');

    await setReveal(web.server, event, question!, 'SHOWN');
    await waitForText(screen, `votes-${yes!.id}`, '1');
    await waitForText(phone, `votes-${yes!.id}`, '1');

    await setReveal(web.server, event, question!, 'HIDDEN');
    await screen.getByTestId('results-hidden').waitFor(WAIT);
    // Hidden even once closed, until the presenter says otherwise.
    await questionAction(web.server, 'closeQuestion', event, question!);
    await screen.locator('[data-testid="poll-state"][data-state="CLOSED"]').waitFor(WAIT);
    expect(await screen.getByTestId('results-hidden').isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
