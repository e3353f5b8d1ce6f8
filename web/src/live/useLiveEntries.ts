// A Q&A question's entries as the audience sees them (approved and answered
// ones), live: read at each acknowledgement of onEntryChanged, then each ask,
// upvote and moderation merged in as it is pushed. A push carries the
// mutation's own reply, whose `upvotedByMe` is the upvoter's: this device keeps
// its own. Audience subscriptions only receive approved and answered entries, so
// an entry hidden by the moderator leaves the list at the next read (every few
// seconds as a safety net).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import { describeApiError } from '../api/errors.ts';
import { AUDIENCE, entries as entriesQuery, onEntryChanged, type Entry } from '../api/audience.ts';
import { oneAtATime } from './oneAtATime.ts';
import { watch } from './subscribe.ts';

const REREAD_MS = 10_000;

export const shownToAudience = (entry: Pick<Entry, 'status'>) => entry.status === 'APPROVED' || entry.status === 'ANSWERED';

/** Pinned first, then most upvoted, then newest: the order the screen and the phones show. */
export function byPinVotesNewest(a: Entry, b: Entry): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  if (a.upvotes !== b.upvotes) return b.upvotes - a.upvotes;
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
}

export interface LiveEntries {
  entries: Entry[];
  live: boolean;
  problem: string | null;
  /** Takes an entry learned elsewhere (this device's ask or upvote). */
  offer(entry: Entry, mine?: boolean): void;
}

export function useLiveEntries({ eventId, questionId, participantId, enabled }: { eventId: string; questionId: string; participantId: string | null; enabled: boolean }): LiveEntries {
  const [byId, setById] = useState<Map<string, Entry>>(new Map());
  const [live, setLive] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  const offer = useCallback((entry: Entry, mine = false) => {
    setById((current) => {
      if (entry.questionId !== questionId) return current;
      const before = current.get(entry.id);
      if (before && before.updatedAt > entry.updatedAt) return current;
      const next = new Map(current);
      if (!shownToAudience(entry)) next.delete(entry.id);
      else next.set(entry.id, { ...entry, upvotedByMe: mine ? entry.upvotedByMe : (before?.upvotedByMe ?? null) });
      return next;
    });
  }, [questionId]);

  // Reads one at a time; a request for another while one is out is folded into one more read.
  const read = useMemo(
    () =>
      oneAtATime(async () => {
        const variables = participantId ? { eventId, questionId, participantId } : { eventId, questionId };
        try {
          const result = await api().graphql({ query: entriesQuery, variables, authMode: AUDIENCE });
          setProblem(null);
          setById(new Map(result.data.entries.filter(shownToAudience).map((entry) => [entry.id, entry])));
        } catch (error) {
          setProblem(describeApiError(error));
        }
      }),
    [eventId, questionId, participantId],
  );

  useEffect(() => {
    setById(new Map());
  }, [questionId]);

  useEffect(() => {
    if (!enabled) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const variables = { eventId, questionId };
    const stop = watch(() => api().graphql({ query: onEntryChanged, variables, authMode: AUDIENCE }), {
      field: 'onEntryChanged',
      variables,
      next: ({ data }) => {
        const entry = data?.onEntryChanged;
        if (!entry || entry.id == null || entry.status == null || entry.upvotes == null) return read();
        offer(entry);
      },
      error: (error) => {
        setLive(false);
        setProblem(`Live updates stopped: ${describeApiError(error)}`);
        timer = setTimeout(() => setAttempt((n) => n + 1), 5_000);
      },
      ready: () => {
        setLive(true);
        read();
      },
    });
    const safety = setInterval(read, REREAD_MS);
    return () => {
      if (timer) clearTimeout(timer);
      clearInterval(safety);
      setLive(false);
      stop();
    };
  }, [eventId, questionId, enabled, attempt, read, offer]);

  const list = [...byId.values()].sort(byPinVotesNewest);
  return { entries: list, live: enabled && live, problem, offer };
}
