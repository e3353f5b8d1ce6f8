// "N joined · M voted" for one event. Joins are not pushed (a push of each join
// would hand participant ids to every subscriber), so the counts are read again
// every few seconds, and at once whenever the page learns something happened
// (`nudge` changes: an answer, a question moved on).
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/client.ts';
import { oneAtATime } from './oneAtATime.ts';
import { eventStats, type EventStats } from './operations.ts';
import { AS_ORGANIZER } from './session.tsx';

export const STATS_EVERY_MS = 5_000;

export function useEventStats(eventId: string, nudge: unknown = null): EventStats | null {
  const [stats, setStats] = useState<EventStats | null>(null);
  const read = useMemo(
    () =>
      oneAtATime(() =>
        api()
          .graphql({ query: eventStats, variables: { eventId }, ...AS_ORGANIZER })
          .then((result) => {
            if (result.data.eventStats) setStats(result.data.eventStats);
          }),
      ),
    [eventId],
  );

  useEffect(() => {
    read();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') read();
    }, STATS_EVERY_MS);
    return () => clearInterval(timer);
  }, [read]);

  useEffect(read, [read, nudge]);

  return stats;
}
