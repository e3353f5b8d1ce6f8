// A Q&A question's entries as the presenter sees them: all of them, pending and
// hidden included (organizers see everything), read again on every
// onEntryChanged push and at each acknowledgement; shown pinned first, then by
// upvotes, then newest (the server's order, kept here for entries changed since).
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { watch } from '../live/subscribe.ts';
import { oneAtATime } from '../organizer/oneAtATime.ts';
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
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const failedRef = useRef(failed);
  failedRef.current = failed;

  const read = useMemo(
    () =>
      oneAtATime(async () => {
        if (!questionId || !enabled) return;
        try {
          const result = await api().graphql({ query: entriesQuery, variables: { eventId, questionId }, ...AS_ORGANIZER });
          setEntries(result.data.entries);
          setProblem(null);
        } catch (error) {
          setProblem(failedRef.current(error));
        }
      }),
    [eventId, questionId, enabled],
  );

  useEffect(() => setEntries(null), [questionId]);
  useEffect(read, [read]);

  useEffect(() => {
    if (!questionId || !enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const variables = { eventId, questionId };
    const stop = watch(() => api().graphql({ query: onEntryChanged, variables, ...AS_ORGANIZER }), {
      field: 'onEntryChanged',
      variables,
      next: read,
      error: (error) => {
        setProblem(`Live questions stopped: ${failedRef.current(error)} Trying again…`);
        timer = setTimeout(() => setAttempt((n) => n + 1), 5_000);
      },
      ready: read,
    });
    return () => {
      if (timer) clearTimeout(timer);
      stop();
    };
  }, [eventId, questionId, enabled, read, attempt]);

  const put = (entry: OrganizerEntry | null | undefined) => {
    if (!entry) return;
    setEntries((current) => current?.map((old) => (old.id === entry.id ? entry : old)) ?? current);
  };

  const sorted = entries && entries[0]?.questionId !== questionId && entries.length > 0 ? null : entries;
  return { entries: sorted ? [...sorted].sort(byPinThenVotes) : null, problem, put };
}
