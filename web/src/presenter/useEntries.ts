// A Q&A question's entries as the presenter sees them: all of them, pending and
// hidden included (organizers see everything), read again on every
// onEntryChanged push and at each acknowledgement (useWatchedRead); shown pinned first, then by
// upvotes, then newest (the server's order, kept here for entries changed since).
import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import { useWatchedRead } from '../live/useWatchedRead.ts';
import { entries as entriesQuery, onEntryChanged, type OrganizerEntry } from '../organizer/operations.ts';
import { AS_ORGANIZER, useOrganizer } from '../organizer/session.tsx';

export function byPinThenVotes(a: OrganizerEntry, b: OrganizerEntry): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  if (a.upvotes !== b.upvotes) return b.upvotes - a.upvotes;
  return b.createdAt.localeCompare(a.createdAt);
}

export interface LiveEntries {
  entries: OrganizerEntry[] | null;
  problem: string | null;
  /** Takes an entry a moderation answered with, at once. */
  put(entry: OrganizerEntry | null | undefined): void;
}

export function useEntries(eventId: string, questionId: string | null, enabled: boolean): LiveEntries {
  const { failed } = useOrganizer();
  const [entries, setEntries] = useState<OrganizerEntry[] | null>(null);
  const variables = { eventId, questionId: questionId ?? '' };
  const { problem } = useWatchedRead(
    questionId && enabled ? `${eventId}/${questionId}` : null,
    async () => setEntries((await api().graphql({ query: entriesQuery, variables, ...AS_ORGANIZER })).data.entries),
    [{ start: () => api().graphql({ query: onEntryChanged, variables, ...AS_ORGANIZER }), field: 'onEntryChanged', variables }],
    { describe: failed, what: 'Live questions' },
  );

  useEffect(() => setEntries(null), [questionId]);

  const put = (entry: OrganizerEntry | null | undefined) => {
    if (!entry) return;
    setEntries((current) => current?.map((old) => (old.id === entry.id ? entry : old)) ?? current);
  };

  const sorted = entries && entries[0]?.questionId !== questionId && entries.length > 0 ? null : entries;
  return { entries: sorted ? [...sorted].sort(byPinThenVotes) : null, problem, put };
}
