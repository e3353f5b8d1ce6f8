// One event as an organizer sees it, live: onEventChanged (title, questions
// added, edited, moved, removed, the presenter's current question, deletion) and
// onQuestionChanged (open, close, reset, reveal) each make the page read the
// event again, as does each acknowledgement of either subscription (first
// subscribe, every reconnect). Pushes select only ids: the read brings the event
// whole, whoever changed it and whatever their mutation selected.
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { watch } from '../live/subscribe.ts';
import { oneAtATime } from './oneAtATime.ts';
import { event as eventQuery, onEventChanged, onQuestionChanged, type OrganizerEvent, type OrganizerQuestion } from './operations.ts';
import { AS_ORGANIZER, useOrganizer } from './session.tsx';

export type EventLoad =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'failed'; message: string }
  | { state: 'ready'; event: OrganizerEvent }
  | { state: 'deleted'; event: OrganizerEvent };

export interface LiveEvent {
  load: EventLoad;
  /** Counts pushes and re-reads: a page re-reads what hangs off the event (counts, results) when it changes. */
  changes: number;
  /** Why live updates stopped, if they did. */
  problem: string | null;
  refresh(): void;
  /** Takes the event a mutation answered with, at once. */
  put(event: OrganizerEvent | null | undefined): void;
  /** Takes a question a mutation answered with (open, close, reset, reveal), at once. */
  putQuestion(question: OrganizerQuestion | null | undefined): void;
}

export function useLiveEvent(eventId: string): LiveEvent {
  const { failed } = useOrganizer();
  const [load, setLoad] = useState<EventLoad>({ state: 'loading' });
  const [changes, setChanges] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const failedRef = useRef(failed);
  failedRef.current = failed;

  const refresh = useMemo(
    () =>
      oneAtATime(() =>
        api()
          .graphql({ query: eventQuery, variables: { id: eventId }, ...AS_ORGANIZER })
          .then(
            (result) => {
              const found = result.data.event;
              setChanges((n) => n + 1);
              setLoad((current) => {
                if (found) return { state: 'ready', event: found };
                return current.state === 'ready' ? { state: 'deleted', event: current.event } : current.state === 'deleted' ? current : { state: 'missing' };
              });
            },
            (error: unknown) => {
              const message = failedRef.current(error);
              setLoad((current) => (current.state === 'ready' ? current : { state: 'failed', message }));
              setProblem(message);
            },
          ),
      ),
    [eventId],
  );

  useEffect(refresh, [refresh]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const retry = (error: unknown) => {
      setProblem(`Live updates stopped: ${failedRef.current(error)} Trying again…`);
      if (!timer) timer = setTimeout(() => setAttempt((n) => n + 1), 5_000);
    };
    const ready = () => {
      setProblem(null);
      refresh();
    };
    const stopEvent = watch(() => api().graphql({ query: onEventChanged, variables: { id: eventId }, ...AS_ORGANIZER }), {
      field: 'onEventChanged',
      variables: { id: eventId },
      next: () => refresh(),
      error: retry,
      ready,
    });
    const stopQuestions = watch(() => api().graphql({ query: onQuestionChanged, variables: { eventId }, ...AS_ORGANIZER }), {
      field: 'onQuestionChanged',
      variables: { eventId },
      next: () => refresh(),
      error: retry,
      ready,
    });
    // A laptop that slept may have missed pushes while its socket was down.
    const onVisible = () => document.visibilityState === 'visible' && refresh();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      if (timer) clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
      stopEvent();
      stopQuestions();
    };
  }, [eventId, refresh, attempt]);

  const put = (next: OrganizerEvent | null | undefined) => {
    if (!next || next.id !== eventId) return;
    setLoad({ state: 'ready', event: next });
    setChanges((n) => n + 1);
  };

  const putQuestion = (question: OrganizerQuestion | null | undefined) => {
    if (!question || question.eventId !== eventId) return;
    setLoad((current) =>
      current.state === 'ready'
        ? { state: 'ready', event: { ...current.event, questions: current.event.questions.map((q) => (q.id === question.id ? question : q)) } }
        : current,
    );
    setChanges((n) => n + 1);
  };

  return { load, changes, problem, refresh, put, putQuestion };
}
