// "N joined · M voted": eventStats read every few seconds and whenever a page pokes
// (a push: an answer, the presenter moving on). Joins are not pushed (a push of joins
// would hand participant ids to every subscriber), so a periodic read is the only way
// to see them; reads go one at a time, and none while the page is hidden.
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { AUDIENCE, eventStats } from '../api/audience.ts';
import { oneAtATime } from './oneAtATime.ts';

export const STATS_EVERY_MS = 4_000;

export interface EventStats {
  joined: number;
  voters: number;
  currentQuestionId: string | null;
}

/** The audience's read (the big screen); the organizer's pages pass their own. */
async function readAsAudience(eventId: string): Promise<EventStats | null | undefined> {
  return (await api().graphql({ query: eventStats, variables: { eventId }, authMode: AUDIENCE })).data.eventStats;
}

export function useEventStats(
  eventId: string | null,
  read: (eventId: string) => Promise<EventStats | null | undefined> = readAsAudience,
): { stats: EventStats | null; poke(): void } {
  const [stats, setStats] = useState<EventStats | null>(null);
  const reader = useRef(read);
  reader.current = read;

  // A failed read keeps the last counts; the next may succeed.
  const poke = useMemo(
    () =>
      oneAtATime(async () => {
        if (!eventId) return;
        const found = await reader.current(eventId);
        if (found) setStats({ joined: found.joined, voters: found.voters, currentQuestionId: found.currentQuestionId ?? null });
      }),
    [eventId],
  );

  useEffect(() => {
    if (!eventId) return;
    poke();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') poke();
    }, STATS_EVERY_MS);
    return () => clearInterval(timer);
  }, [eventId, poke]);

  return { stats, poke };
}
