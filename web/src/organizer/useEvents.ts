// The organizer's events, live: read once, then read again on every
// onEventsChanged push (another organizer created, changed, duplicated or deleted
// one) and at each acknowledgement of the subscription (first subscribe, every
// reconnect), so a change made while the socket was down shows too. A push only
// says "something changed": the read brings every event whole, whatever the
// changing mutation selected.
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { watch } from '../live/subscribe.ts';
import { oneAtATime } from '../live/oneAtATime.ts';
import { events as eventsQuery, onEventsChanged, type OrganizerEvent } from './operations.ts';
import { AS_ORGANIZER, useOrganizer } from './session.tsx';

export type EventsLoad = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; events: OrganizerEvent[] };

export interface LiveEvents {
  load: EventsLoad;
  /** True while onEventsChanged is acknowledged. */
  live: boolean;
  /** Why live updates stopped, if they did. */
  problem: string | null;
  refresh(): void;
  /** Puts an event the organizer just made or changed in the list at once (the push follows). */
  put(event: OrganizerEvent): void;
  drop(id: string): void;
}

export function useEvents(): LiveEvents {
  const { failed } = useOrganizer();
  const [load, setLoad] = useState<EventsLoad>({ state: 'loading' });
  const [live, setLive] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const failedRef = useRef(failed);
  failedRef.current = failed;

  const refresh = useMemo(
    () =>
      oneAtATime(() =>
        api()
          .graphql({ query: eventsQuery, ...AS_ORGANIZER })
          .then(
            (result) => setLoad({ state: 'ready', events: result.data.events }),
            (error: unknown) => {
              const message = failedRef.current(error);
              // A list already shown stays; the problem line says it may be behind.
              setLoad((current) => (current.state === 'ready' ? current : { state: 'failed', message }));
              setProblem(message);
            },
          ),
      ),
    [],
  );

  useEffect(refresh, [refresh]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = watch(() => api().graphql({ query: onEventsChanged, ...AS_ORGANIZER }), {
      field: 'onEventsChanged',
      variables: {},
      next: () => refresh(),
      error: (error) => {
        setLive(false);
        setProblem(`Live updates stopped: ${failedRef.current(error)} Trying again…`);
        timer = setTimeout(() => setAttempt((n) => n + 1), 5_000);
      },
      ready: () => {
        setLive(true);
        setProblem(null);
        refresh();
      },
    });
    return () => {
      if (timer) clearTimeout(timer);
      setLive(false);
      stop();
    };
  }, [refresh, attempt]);

  const put = (event: OrganizerEvent) =>
    setLoad((current) => {
      const list = current.state === 'ready' ? current.events : [];
      return { state: 'ready', events: list.some((e) => e.id === event.id) ? list.map((e) => (e.id === event.id ? event : e)) : [event, ...list] };
    });
  const drop = (id: string) => setLoad((current) => (current.state === 'ready' ? { state: 'ready', events: current.events.filter((e) => e.id !== id) } : current));

  return { load, live, problem, refresh, put, drop };
}
