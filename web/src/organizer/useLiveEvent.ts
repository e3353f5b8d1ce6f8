// One event as an organizer sees it, live: onEventChanged (title, questions
// added, edited, moved, removed, the presenter's current question, deletion) and
// onQuestionChanged (open, close, reset, reveal) each make the page read the
// event again, as does each acknowledgement of either subscription (first
// subscribe, every reconnect). Pushes select only ids: the read brings the event
// whole, whoever changed it and whatever their mutation selected. The loop (one
// read at a time, recovery after an outage or a failed subscription, a read when
// the laptop wakes) is live/useWatchedRead's.
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useWatchedRead } from '../live/useWatchedRead.ts';
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

  const read = async () => {
    try {
      const found = (await api().graphql({ query: eventQuery, variables: { id: eventId }, ...AS_ORGANIZER })).data.event;
      setChanges((n) => n + 1);
      setLoad((current) => {
        if (found) return { state: 'ready', event: found };
        return current.state === 'ready' ? { state: 'deleted', event: current.event } : current.state === 'deleted' ? current : { state: 'missing' };
      });
    } catch (error) {
      // A page that has the event keeps it; the problem says why it may be stale.
      setLoad((current) => (current.state === 'ready' ? current : { state: 'failed', message: failed(error) }));
      throw error;
    }
  };
  const { reread: refresh, problem } = useWatchedRead(eventId, read, [
    { start: () => api().graphql({ query: onEventChanged, variables: { id: eventId }, ...AS_ORGANIZER }), field: 'onEventChanged', variables: { id: eventId } },
    { start: () => api().graphql({ query: onQuestionChanged, variables: { eventId }, ...AS_ORGANIZER }), field: 'onQuestionChanged', variables: { eventId } },
  ], { describe: failed, what: 'Live updates' });

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
