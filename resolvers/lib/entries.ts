// Q&A entries: who sees which, and in what order.
import type { EntryStatus, QaEntry } from '../generated/schema.ts';
import { badRequest } from './errors.ts';

export const MAX_ENTRY_TEXT = 280;
export const MAX_AUTHOR_NAME = 40;
/** BatchGetItem takes at most 100 keys: upvotedByMe is known for the first 100 entries in list order. */
export const MY_UPVOTES_LIMIT = 100;

/** A text argument, trimmed, of min–max characters, or BadRequest naming it. */
export function checkText(value: string, label: string, min: number, max: number): string {
  const text = value.trim();
  if (text.length < min) badRequest(`${label} is empty`);
  if (text.length > max) badRequest(`${label} is too long: at most ${max} characters`);
  return text;
}

/** What the audience (phones and the big screen) sees; organizers see every entry. */
export const PUBLIC_STATUSES: EntryStatus[] = ['APPROVED', 'ANSWERED'];
export const isPublic = (entry: { status: EntryStatus }) => PUBLIC_STATUSES.indexOf(entry.status) >= 0;

/** An entry as stored: the API's fields plus its keys, the round it was asked in, and the upvote notes in flight. */
export type EntryItem = Omit<QaEntry, 'upvotedByMe'> & {
  pk: string;
  sk: string;
  round: number;
  participantId: string;
  inflight?: Record<string, number>;
};

/** A participant's upvote of an entry: on or withdrawn, the ±1 of its latest change (seq), and whether the entry counted it. */
export type UpvoteItem = { participantId: string; entryId: string; on: boolean; delta: number; seq: number; counted: boolean };

const PAD = '0000000000';
const pad = (n: number) => (PAD + Math.max(0, n)).slice(-10);

/**
 * Pinned first, then most upvoted, then newest. sort() takes no comparator in
 * APPSYNC_JS, so entries sort by a key that orders them the other way round, then reverse.
 */
export function sortEntries<T extends { id: string; pinned: boolean; upvotes: number; createdAt: string }>(entries: T[]): T[] {
  const byKey: Record<string, T> = {};
  const keys = entries.map((entry) => {
    const key = `${entry.pinned ? 1 : 0} ${pad(entry.upvotes)} ${entry.createdAt} ${entry.id}`;
    byKey[key] = entry;
    return key;
  });
  return keys.sort().reverse().map((key) => byKey[key]!);
}

/** The entry as the API shows it: no keys, no participant id of its author, no notes in flight. */
export function toEntry(item: EntryItem, upvotedByMe: boolean | null): QaEntry {
  return {
    id: item.id,
    eventId: item.eventId,
    questionId: item.questionId,
    text: item.text,
    author: item.author ?? null,
    status: item.status,
    pinned: !!item.pinned,
    upvotes: item.upvotes ?? 0,
    upvotedByMe,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
  };
}
