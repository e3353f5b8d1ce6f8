// The web app's logic that needs no browser: addresses, error words, tallies
// arriving out of order, what a device remembers, who sees the tally.
import { describe, expect, it } from 'vitest';
import { apiFailure, describeApiError } from '../../web/src/api/errors.ts';
import type { Results } from '../../web/src/api/operations.ts';
import { storedParticipant, storedPendingVote, storeParticipant, storePendingVote } from '../../web/src/live/device.ts';
import { newerTally, percentages } from '../../web/src/live/tally.ts';
import { canSeeTally } from '../../web/src/live/useLiveTally.ts';
import { looksLikeCode, normalizeCode, routeOf, screenPath, votePath } from '../../web/src/routes.ts';

describe('addresses', () => {
  it('opens each page by the poll’s short code', () => {
    expect(routeOf('/')).toEqual({ page: 'landing' });
    expect(routeOf('/join')).toEqual({ page: 'join', code: '' });
    expect(routeOf('/join', '?code=K7QX2M')).toEqual({ page: 'join', code: 'K7QX2M' });
    expect(routeOf('/p/k7qx2m')).toEqual({ page: 'vote', code: 'K7QX2M' });
    expect(routeOf('/p/K7QX2M/screen/')).toEqual({ page: 'screen', code: 'K7QX2M' });
    expect(routeOf('/organizer')).toEqual({ page: 'organizer' });
    expect(routeOf('/p')).toEqual({ page: 'not-found' });
    expect(routeOf('/p/K7QX2M/results')).toEqual({ page: 'not-found' });
    expect(routeOf('/p/%E0%A4%A')).toEqual({ page: 'not-found' });
  });

  it('reads codes as people type them and writes them in capitals', () => {
    expect(normalizeCode(' k7q-x2m ')).toBe('K7QX2M');
    expect(looksLikeCode('k7q x2m')).toBe(true);
    expect(looksLikeCode('K7/X2M')).toBe(false);
    expect(looksLikeCode('ab')).toBe(false);
    expect(votePath('k7qx2m')).toBe('/p/K7QX2M');
    expect(screenPath('K7QX2M')).toBe('/p/K7QX2M/screen');
  });
});

describe('errors in words', () => {
  const refusal = (errorType: string, message: string) => ({ data: null, errors: [{ errorType, message, path: ['castVote'] }] });
  const network = { data: {}, errors: [{ message: 'A network error has occurred.', originalError: { name: 'NetworkError' } }] };

  it('tells a refusal from a failure to get an answer', () => {
    expect(apiFailure(refusal('AlreadyVoted', 'You have already voted in this poll'))).toEqual({
      type: 'AlreadyVoted',
      message: 'You have already voted in this poll',
      transient: false,
    });
    expect(apiFailure(network)).toMatchObject({ type: 'NetworkError', transient: true });
    expect(apiFailure(refusal('Throttled', 'The tally could not be read: please try again')).transient).toBe(true);
    expect(apiFailure({ errors: [{ message: 'x', originalError: { name: 'UnauthorizedException' } }] }).transient).toBe(false);
    expect(apiFailure(new TypeError('Failed to fetch'))).toMatchObject({ type: 'NetworkError', transient: true });
    // A refused subscription: the errorType travels in front of the message.
    expect(apiFailure({ errors: [{ message: 'Unauthorized: The results of this poll are shown when it closes' }] })).toEqual({
      type: 'Unauthorized',
      message: 'The results of this poll are shown when it closes',
      transient: false,
    });
  });

  it('says what each refusal means for the person', () => {
    expect(describeApiError(refusal('PollNotOpen', 'This poll is closed'), 'vote')).toBe('This poll is closed: votes are no longer taken.');
    expect(describeApiError(refusal('PollNotOpen', 'This poll is not open for voting yet'), 'vote')).toBe('This poll is not open for voting yet.');
    expect(describeApiError(refusal('BadRequest', 'Poll p has no option x'), 'vote')).toBe('That choice is not part of this poll.');
    expect(describeApiError(refusal('BadRequest', 'A poll has 2 to 10 options'), 'organizer')).toBe('A poll has 2 to 10 options.');
    expect(describeApiError(refusal('NotFound', 'No poll has the code ZZ'))).toBe('There is no poll with this code. Check the code on the screen and try again.');
    expect(describeApiError(refusal('Unauthorized', 'Not Authorized to access openPoll on type Mutation'))).toBe(
      'Only organizers may do this. Sign in with an account in the organizers group.',
    );
    expect(describeApiError(refusal('InvalidState', 'Poll 1b2c cannot be opened: it is closed'), 'organizer')).toBe('This poll cannot be opened: it is closed.');
    expect(describeApiError(network)).toBe('The voting service cannot be reached. Check your connection.');
    expect(describeApiError(refusal('Weird', 'Something odd'))).toBe('Something went wrong: Something odd.');
  });
});

describe('tallies arriving out of order', () => {
  const tally = (round: number, votes: number[], updatedAt = '2026-01-01T00:00:00Z'): Results => ({
    pollId: 'p',
    title: 'T',
    state: 'OPEN',
    round,
    updatedAt,
    totalVotes: votes.reduce((a, b) => a + b, 0),
    options: votes.map((n, i) => ({ optionId: `o${i + 1}`, label: `O${i + 1}`, votes: n })),
  });

  it('keeps the tally with more votes in a round, and any tally of a later round', () => {
    expect(newerTally(tally(1, [2, 1]), tally(1, [1, 1]))).toEqual(tally(1, [2, 1]));
    expect(newerTally(tally(1, [1, 1]), tally(1, [2, 1]))).toEqual(tally(1, [2, 1]));
    expect(newerTally(tally(1, [5, 5]), tally(2, [0, 0]))).toEqual(tally(2, [0, 0]));
    expect(newerTally(tally(2, [0, 1]), tally(1, [9, 9]))).toEqual(tally(2, [0, 1]));
    expect(newerTally(null, tally(1, [1, 0]))).toEqual(tally(1, [1, 0]));
    expect(newerTally(tally(1, [1, 0]), null)).toEqual(tally(1, [1, 0]));
    expect(newerTally(tally(1, [1, 0], 'a'), tally(1, [1, 0], 'b'))?.updatedAt).toBe('b');
  });

  it('rounds shares so that they add up to 100', () => {
    expect(percentages([2, 1])).toEqual([67, 33]);
    expect(percentages([4, 2, 1])).toEqual([57, 29, 14]);
    expect(percentages([5, 3, 1, 1])).toEqual([50, 30, 10, 10]);
    expect(percentages([0, 0])).toEqual([0, 0]);
    expect(percentages([1, 0, 0])).toEqual([100, 0, 0]);
  });

  it('shows equal counts as equal shares, even when they then add up to less than 100', () => {
    expect(percentages([1, 1, 1])).toEqual([33, 33, 33]);
    expect(percentages([2, 1, 1, 1, 1, 1])).toEqual([29, 14, 14, 14, 14, 14]);
    expect(percentages([3, 2, 2])).toEqual([43, 28, 28]);
  });
});

describe('what a device remembers', () => {
  const memory = () => {
    const items = new Map<string, string>();
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
  };

  it('keeps one participant id per poll', () => {
    const store = memory();
    storeParticipant('a', 'pa', store);
    storeParticipant('b', 'pb', store);
    expect([storedParticipant('a', store), storedParticipant('b', store), storedParticipant('c', store)]).toEqual(['pa', 'pb', null]);
    storeParticipant('a', null, store);
    expect(storedParticipant('a', store)).toBeNull();
  });

  it('keeps a vote until its answer comes, and forgets a damaged entry', () => {
    const store = memory();
    storePendingVote('a', { optionId: 'o1', round: 2 }, store);
    expect(storedPendingVote('a', store)).toEqual({ optionId: 'o1', round: 2 });
    storePendingVote('a', null, store);
    expect(storedPendingVote('a', store)).toBeNull();
    store.setItem('handsup:pending:b', '{not json');
    expect(storedPendingVote('b', store)).toBeNull();
    expect(store.getItem('handsup:pending:b')).toBeNull();
  });
});

describe('who sees the tally (as the server decides)', () => {
  const poll = (state: 'DRAFT' | 'OPEN' | 'CLOSED', resultsVisibility: 'ALWAYS' | 'AFTER_VOTE' | 'AFTER_CLOSE') => ({ state, resultsVisibility });
  const voter = { organizer: false, voted: false };
  const voted = { organizer: false, voted: true };
  const organizer = { organizer: true, voted: false };

  it('follows the poll’s visibility, and always shows it to organizers and after close', () => {
    expect(canSeeTally(poll('OPEN', 'ALWAYS'), voter)).toBe(true);
    expect(canSeeTally(poll('OPEN', 'AFTER_VOTE'), voter)).toBe(false);
    expect(canSeeTally(poll('OPEN', 'AFTER_VOTE'), voted)).toBe(true);
    expect(canSeeTally(poll('OPEN', 'AFTER_CLOSE'), voted)).toBe(false);
    expect(canSeeTally(poll('OPEN', 'AFTER_CLOSE'), organizer)).toBe(true);
    expect(canSeeTally(poll('CLOSED', 'AFTER_CLOSE'), voter)).toBe(true);
  });
});
