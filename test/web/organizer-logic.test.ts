// The organizer pages' logic that needs no browser: their addresses, what a
// question draft may be sent as, and what the presenter is told the big screen shows.
import { describe, expect, it } from 'vitest';
import { organizerEventPath, presenterPath } from '../../web/src/organizer/paths.ts';
import { draftProblem, duplicateOptions, emptyDraft, questionInput } from '../../web/src/organizer/questionDraft.ts';
import { audienceView } from '../../web/src/presenter/audienceView.ts';
import { routeOf } from '../../web/src/routes.ts';

describe('organizer addresses', () => {
  it('opens an event’s editor and its presenter view by the event id', () => {
    expect(routeOf(organizerEventPath('e-1'))).toEqual({ page: 'organizer-event', eventId: 'e-1' });
    expect(routeOf(presenterPath('e-1'))).toEqual({ page: 'presenter', eventId: 'e-1' });
    expect(routeOf('/organizer/events')).toEqual({ page: 'not-found' });
    expect(routeOf('/organizer/events/e-1/screen')).toEqual({ page: 'not-found' });
  });
});

describe('question drafts', () => {
  const choice = (options: string[], maxChoices = 1) => ({ ...emptyDraft(), title: 'Pick', options, maxChoices });

  it('refuses options that differ only in case, naming them', () => {
    expect(duplicateOptions(['Yes', ' yes ', 'No'])).toEqual(['Yes', 'yes']);
    expect(duplicateOptions(['Straße', 'STRASSE'])).toBeNull();
    expect(draftProblem(choice(['Yes', 'YES']))).toBe('“Yes” and “YES” differ only in case: make each option different.');
    expect(draftProblem(choice(['Yes', 'Yes']))).toBe('Two options read “Yes”: make each one different.');
  });

  it('asks for a title, two options, and at most as many choices as options', () => {
    expect(draftProblem({ ...emptyDraft(), title: '  ' })).toBe('Write the question first.');
    expect(draftProblem(choice(['Only', '  ']))).toBe('A multiple-choice question needs at least two options.');
    expect(draftProblem(choice(['A', 'B'], 3))).toBe('Each person may pick between 1 and 2 options.');
    expect(draftProblem({ ...emptyDraft('WORD_CLOUD'), title: 'One word' })).toBeNull();
  });

  it('sends only the settings the question’s type has', () => {
    expect(questionInput({ ...choice([' A ', '', 'B'], 2), allowChange: true })).toEqual({
      type: 'MULTIPLE_CHOICE',
      title: 'Pick',
      options: ['A', 'B'],
      maxChoices: 2,
      allowChange: true,
      resultsVisibility: 'ALWAYS',
    });
    expect(questionInput({ ...emptyDraft('RATING'), title: 'Rate', scale: 10 })).toEqual({ type: 'RATING', title: 'Rate', scale: 10, allowChange: false, resultsVisibility: 'ALWAYS' });
    expect(questionInput({ ...emptyDraft('QA'), title: 'Ask', moderated: true })).toEqual({ type: 'QA', title: 'Ask', moderated: true });
    expect(questionInput({ ...emptyDraft('WORD_CLOUD'), title: 'Word', profanityFilter: false })).toMatchObject({ type: 'WORD_CLOUD', profanityFilter: false });
  });
});

describe('what the big screen shows', () => {
  const question = (state: 'DRAFT' | 'OPEN' | 'CLOSED', resultsVisibility: 'ALWAYS' | 'AFTER_VOTE' | 'AFTER_CLOSE', reveal: 'AUTO' | 'SHOWN' | 'HIDDEN') =>
    ({ type: 'MULTIPLE_CHOICE', state, resultsVisibility, reveal }) as const;

  it('follows the question’s visibility unless the presenter revealed or hid the results', () => {
    expect(audienceView(question('OPEN', 'ALWAYS', 'AUTO')).screenShowsResults).toBe(true);
    expect(audienceView(question('OPEN', 'AFTER_VOTE', 'AUTO')).screenShowsResults).toBe(false);
    expect(audienceView(question('OPEN', 'AFTER_CLOSE', 'AUTO')).screenShowsResults).toBe(false);
    expect(audienceView(question('CLOSED', 'AFTER_CLOSE', 'AUTO')).screenShowsResults).toBe(true);
    expect(audienceView(question('OPEN', 'AFTER_CLOSE', 'SHOWN')).screenShowsResults).toBe(true);
    expect(audienceView(question('CLOSED', 'ALWAYS', 'HIDDEN')).screenShowsResults).toBe(false);
  });
});
