// "N joined · M voted": eventStats read every few seconds and at each push. Joins
// are not pushed (a push of joins would hand participant ids to every
// subscriber), so a periodic read is the only way to see them; answers are pushed,
// and each push asks for a fresh count, one read at a time.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { AUDIENCE, eventStats } from '../api/audience.ts';

const EVERY_MS = 4_000;

export interface EventStats {
  joined: number;
  voters: number;
  currentQuestionId: string | null;
}

export function useEventStats(eventId: string | null): { stats: EventStats | null; poke(): void } {
  const [stats, setStats] = useState<EventStats | null>(null);
  const reading = useRef<{ busy: boolean; again: boolean }>({ busy: false, again: false });

  const poke = useCallback(() => {
    if (!eventId) return;
    if (reading.current.busy) {
      reading.current.again = true;
      return;
    }
    reading.current = { busy: true, again: false };
    api()
      .graphql({ query: eventStats, variables: { eventId }, authMode: AUDIENCE })
      .then(
        (result) => {
          const found = result.data.eventStats;
          if (found) setStats({ joined: found.joined, voters: found.voters, currentQuestionId: found.currentQuestionId ?? null });
        },
        () => {
          // The last counts stay; the next read may succeed.
        },
      )
      .finally(() => {
        const again = reading.current.again;
        reading.current = { busy: false, again: false };
        if (again) poke();
      });
  }, [eventId]);

  useEffect(() => {
    if (!eventId) return;
    poke();
    const timer = setInterval(poke, EVERY_MS);
    return () => clearInterval(timer);
  }, [eventId, poke]);

  return { stats, poke };
}
