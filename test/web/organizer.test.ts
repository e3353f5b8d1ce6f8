// The organizer console in a real browser against the local AppSync: building
// an event with a question of each type, editing it, and the list kept live.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ORGANIZER } from '../support/local-appsync.ts';
import { browserSession, signIn, WAIT } from './browser.ts';
import { createEvent, joinEvent, presenter, readEvent, signedIn, vote } from './organizer-support.ts';

const SECOND_ORGANIZER = { username: 'second-organizer', password: 'Second-Passw0rd', groups: ['organizers'] };
const MEMBER = { username: 'member', password: 'Member-Passw0rd', groups: [] };

const web = browserSession({ server: { users: [ORGANIZER, SECOND_ORGANIZER, MEMBER] }, organizer: ORGANIZER });
const { open, pageErrors, laptop } = web;

/** The signed-in organizer's laptop on `path`. */
async function console_(path = '/organizer'): Promise<Page> {
  const page = await laptop.tab(path);
  await page.getByTestId('signed-in-as').waitFor(WAIT);
  return page;
}

const draft = (page: Page, n: number) => page.getByRole('group', { name: `Question ${n}`, exact: true });
const button = (scope: Page | Locator, name: string) => scope.getByRole('button', { name, exact: true });

describe('signing in', () => {
  it('answers a wrong password and an empty form in words, signs in and out', async () => {
    const page = await open('laptop', '/organizer');
    await button(page, 'Sign in').click();
    expect(await page.getByTestId('signin-problem').textContent()).toBe('Enter your username.');
    await signIn(page, { ...ORGANIZER, password: 'not-the-password' });
    await page.getByTestId('signin-problem').filter({ hasText: 'Wrong username or password.' }).waitFor(WAIT);
    await signedIn(page, ORGANIZER);
    expect(await page.getByTestId('signed-in-as').textContent()).toBe(ORGANIZER.username);
    await button(page, 'Sign out').click();
    await page.getByRole('heading', { name: 'Organizer sign-in' }).waitFor(WAIT);
  });

  it('tells an account outside the organizers group that it is not an organizer', async () => {
    const page = await open('laptop', '/organizer');
    await signIn(page, MEMBER);
    await page.getByRole('heading', { name: 'This account is not an organizer' }).waitFor(WAIT);
    expect(await page.getByRole('alert').textContent()).toContain('You are signed in as member, who is not in the organizers group.');
    await button(page, 'Sign out').click();
    await page.getByRole('heading', { name: 'Organizer sign-in' }).waitFor(WAIT);
  });
});

// Journeys across several pages and devices: a minute each, for a machine busy with other test files.
describe('the organizer console', { timeout: 60_000 }, () => {
  it('builds an event with a question of each type, in order, with each type’s settings', async () => {
    const page = await console_();
    expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual(['Your events']);
    await page.getByLabel('Event title').fill('Serverless Days');

    const first = draft(page, 1);
    await first.getByLabel('Question', { exact: true }).fill('Which runtimes do you use?');
    await first.getByRole('textbox', { name: 'Option 1' }).fill('Node');
    await first.getByRole('textbox', { name: 'Option 2' }).fill('Python');
    await button(first, 'Add option').click();
    await first.getByRole('textbox', { name: 'Option 3' }).fill('Go');
    await first.getByLabel('Choices per person').selectOption('2');
    await first.getByLabel('People may change their answer until the question closes').check();

    await button(page, 'Add a question').click();
    const second = draft(page, 2);
    await second.getByLabel('Type').selectOption('RATING');
    await second.getByLabel('Question', { exact: true }).fill('Rate the keynote');
    await second.getByLabel('Scale').selectOption('10');

    await button(page, 'Add a question').click();
    const third = draft(page, 3);
    await third.getByLabel('Type').selectOption('WORD_CLOUD');
    await third.getByLabel('Question', { exact: true }).fill('One word for today');
    await third.getByLabel('Profanity filter: hide rude words from the results').uncheck();
    await third.getByLabel('Results shown').selectOption('AFTER_CLOSE');

    await button(page, 'Add a question').click();
    const fourth = draft(page, 4);
    await fourth.getByLabel('Type').selectOption('QA');
    await fourth.getByLabel('Question', { exact: true }).fill('Ask the speaker');
    await fourth.getByLabel('Moderate: approve each question before the audience sees it').check();

    await button(page, 'Create event').click();
    const card = page.getByRole('listitem', { name: 'Serverless Days' });
    await card.waitFor(WAIT);
    expect(await card.getByTestId('question-count').textContent()).toBe('4 questions');
    const code = (await card.getByTestId('event-code').textContent())!.trim();
    expect(await card.getByTestId('voter-link').textContent()).toBe(`${web.origin}/p/${code}`);
    expect(await card.getByRole('link', { name: 'Big screen' }).getAttribute('href')).toBe(`/p/${code}/screen`);
    await card.getByTestId('event-stats').and(page.locator('[data-joined="0"]')).waitFor(WAIT);
    expect(await card.getByTestId('event-stats').textContent()).toBe('0 joined · 0 voted');

    const href = await card.getByRole('link', { name: 'Present' }).getAttribute('href');
    const event = await readEvent(web.server, href!.split('/')[3]!);
    expect(event.questions.map((q) => [q.type, q.title])).toEqual([
      ['MULTIPLE_CHOICE', 'Which runtimes do you use?'],
      ['RATING', 'Rate the keynote'],
      ['WORD_CLOUD', 'One word for today'],
      ['QA', 'Ask the speaker'],
    ]);
    expect(event.questions[0]).toMatchObject({ maxChoices: 2, allowChange: true, options: [{ label: 'Node' }, { label: 'Python' }, { label: 'Go' }] });
    expect(event.questions[1]).toMatchObject({ scale: 10 });
    expect(event.questions[2]).toMatchObject({ profanityFilter: false, resultsVisibility: 'AFTER_CLOSE' });
    expect(event.questions[3]).toMatchObject({ moderated: true });
    expect([...pageErrors, ...laptop.errors]).toEqual([]);
  });

  it('says when an option reaches its length limit, and refuses options that differ only in case', async () => {
    const page = await console_();
    await page.getByLabel('Event title').fill('Limits');
    const first = draft(page, 1);
    await first.getByLabel('Question', { exact: true }).fill('Yes or no?');
    const option = first.getByRole('textbox', { name: 'Option 1' });
    await option.fill('x'.repeat(100));
    expect(await option.inputValue()).toHaveLength(80);
    expect(await first.getByTestId('option-limit').textContent()).toBe('Limit reached: 80 characters');

    await option.fill('Yes');
    await first.getByRole('textbox', { name: 'Option 2' }).fill('yes');
    expect(await first.getByTestId('option-twins').textContent()).toBe('“Yes” and “yes” are the same option: options must differ by more than case.');
    await button(page, 'Create event').click();
    expect(await page.getByTestId('new-event-message').textContent()).toBe('Question 1: “Yes” and “yes” differ only in case: make each option different.');
    expect(await page.getByRole('listitem', { name: 'Limits' }).count()).toBe(0);
  });

  it('reorders and duplicates questions, and refuses to edit one that has answers', async () => {
    const event = await createEvent(web.server, 'Editing', [{ title: 'First' }, { title: 'Second' }]);
    const page = await console_(`/organizer/events/${event.id}`);
    const questions = page.getByRole('list', { name: 'Questions' }).getByRole('listitem');
    await page.getByRole('heading', { name: 'Editing', level: 1 }).waitFor(WAIT);

    await button(page.getByRole('listitem', { name: '1. First' }), 'Move down').click();
    await page.getByRole('listitem', { name: '1. Second' }).waitFor(WAIT);
    await button(page.getByRole('listitem', { name: '2. First' }), 'Duplicate').click();
    await page.getByRole('listitem', { name: '3. First' }).waitFor(WAIT);
    expect(await questions.evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')))).toEqual(['1. Second', '2. First', '3. First']);
    expect((await readEvent(web.server, event.id)).questions.map((q) => q.title)).toEqual(['Second', 'First', 'First']);

    // The organizer starts editing "Second"; meanwhile a phone answers it.
    const second = event.questions[1]!;
    const item = page.getByRole('listitem', { name: '1. Second' });
    await button(item, 'Edit').click();
    await presenter(web.server, 'goToQuestion', event.id, second.id);
    await presenter(web.server, 'openQuestion', event.id, second.id);
    await vote(web.server, event.id, second.id, await joinEvent(web.server, event.code), [second.options[0]!.id]);

    await item.getByLabel('Question', { exact: true }).fill('Second, reworded');
    await button(item, 'Save question').click();
    expect(await item.getByTestId('question-problem').textContent()).toBe(
      'This question already has answers, so it can no longer be edited. Reset it (which clears its answers) or duplicate it and edit the copy.',
    );
    // The editor reads the event again: the question now says it has answers, and Edit is locked.
    await item.getByText('Has answers: editing is locked until it is reset.').waitFor(WAIT);
    expect(await button(item, 'Edit').isDisabled()).toBe(true);
    expect((await readEvent(web.server, event.id)).questions[0]!.title).toBe('Second');

    // A question without answers is edited in place.
    const copy = page.getByRole('listitem', { name: '3. First' });
    await button(copy, 'Edit').click();
    await copy.getByLabel('Question', { exact: true }).fill('First, again');
    await button(copy, 'Save question').click();
    await page.getByRole('listitem', { name: '3. First, again' }).waitFor(WAIT);
    expect([...pageErrors, ...laptop.errors]).toEqual([]);
  });

  it('shows another organizer’s new, duplicated and deleted events without a refresh', async () => {
    const watching = await console_();
    await watching.locator('[data-testid="events"][data-live="true"]').waitFor(WAIT);
    const named = watching.getByRole('list', { name: 'Events' }).getByRole('listitem', { name: /^Made elsewhere/ });
    const other = await open('laptop', '/organizer');
    await signedIn(other, SECOND_ORGANIZER);

    await other.getByLabel('Event title').fill('Made elsewhere');
    await draft(other, 1).getByLabel('Question', { exact: true }).fill('Tea or coffee?');
    await draft(other, 1).getByRole('textbox', { name: 'Option 1' }).fill('Tea');
    await draft(other, 1).getByRole('textbox', { name: 'Option 2' }).fill('Coffee');
    await button(other, 'Create event').click();
    await other.getByRole('listitem', { name: 'Made elsewhere' }).waitFor(WAIT);
    const card = watching.getByRole('listitem', { name: 'Made elsewhere' });
    await card.waitFor(WAIT);

    const original = other.getByTestId(`event-${(await card.getByTestId('event-code').textContent())!.trim()}`);
    await button(original, 'Duplicate event').click();
    await named.nth(1).waitFor(WAIT);

    await button(original, 'Delete event').click();
    await button(original, 'Yes, delete').click();
    await named.nth(1).waitFor({ state: 'detached', ...WAIT });
    expect(await named.count()).toBe(1);
    expect([...pageErrors, ...laptop.errors]).toEqual([]);
  });

  it('exports one question and the whole event as CSV', async () => {
    const event = await createEvent(web.server, 'Exports', [{ title: 'Red or blue?', options: ['Red', 'Blue'] }, { title: 'Big or small?', options: ['Big', 'Small'] }]);
    const first = event.questions[0]!;
    await presenter(web.server, 'goToQuestion', event.id, first.id);
    await presenter(web.server, 'openQuestion', event.id, first.id);
    await vote(web.server, event.id, first.id, await joinEvent(web.server, event.code), [first.options[0]!.id]);

    const page = await console_(`/organizer/events/${event.id}`);
    const item = page.getByRole('listitem', { name: '1. Red or blue?' });
    const [one] = await Promise.all([page.waitForEvent('download'), button(item, 'Export CSV').click()]);
    expect(one.suggestedFilename()).toBe(`handsup-${event.code}-question-1-round-1.csv`);
    const question = await readFile((await one.path())!, 'utf8');
    expect(question).toContain('Red or blue?');
    expect(question).toMatch(/Red,1,100/);

    const [all] = await Promise.all([page.waitForEvent('download'), button(page, 'Export event CSV').click()]);
    expect(all.suggestedFilename()).toBe(`handsup-${event.code}.csv`);
    const whole = await readFile((await all.path())!, 'utf8');
    expect(whole.indexOf('Red or blue?')).toBeGreaterThanOrEqual(0);
    expect(whole.indexOf('Big or small?')).toBeGreaterThan(whole.indexOf('Red or blue?'));
  });

  it('has one top-level heading, and its chips and state tags meet WCAG AA contrast', async () => {
    const event = await createEvent(web.server, 'Contrast', [{ title: 'Pick', options: ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta', 'Eta', 'Theta', 'Iota', 'Kappa'] }]);
    await presenter(web.server, 'goToQuestion', event.id, event.questions[0]!.id);
    const page = await console_(`/organizer/events/${event.id}`);
    await page.getByRole('listitem', { name: '1. Pick' }).waitFor(WAIT);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    const ratios = await page.evaluate(() => {
      // WCAG 2 relative luminance and contrast ratio of the text colour on the element's own background.
      const channel = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      const luminance = (rgb: string) => {
        const [r, g, b] = rgb.match(/\d+(\.\d+)?/g)!.map(Number);
        return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
      };
      return [...document.querySelectorAll('.console-chip, .console-tag')].map((element) => {
        const style = getComputedStyle(element);
        const [a, b] = [luminance(style.color), luminance(style.backgroundColor)];
        return { text: element.textContent, ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05) };
      });
    });
    expect(ratios.length).toBeGreaterThanOrEqual(11);
    for (const { text, ratio } of ratios) expect(ratio, `${text}`).toBeGreaterThanOrEqual(4.5);
  });
});
