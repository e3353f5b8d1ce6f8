// An event found by its code and kept current, for the audience's pages: the
// presenter's moves (goToQuestion, edits, delete) arrive on onEventChanged, each
// question's open, close, reset and reveal on onQuestionChanged. A re-read at
// each subscription acknowledgement (first subscribe, every reconnect), when the
// page comes back into view and every half minute catches up on anything missed.
// A push carries the mutation's own selection, which may lack fields the page
// needs (or, for a delete, be the event as it was): what it has is shown at
// once, and every push is confirmed by a read.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { apiFailure, describeApiError } from '../api/errors.ts';
import { AUDIENCE, eventByCode, eventById, onEventChanged, onQuestionChanged, type AudienceEvent, type Question } from '../api/audience.ts';
import { watch } from './subscribe.ts';

export type EventLoad =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'failed'; message: string; retrying: boolean }
  | { state: 'ready'; event: AudienceEvent }
  | { state: 'deleted'; event: AudienceEvent };

const RETRY_MS = [1_000, 2_000, 4_000, 8_000, 15_000];
const retryDelay = (attempt: number) => RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] as number;
/** A safety net for a push lost on the way: cheap (one read), and a phone is never more than this behind. */
const REREAD_MS = 30_000;

/** The later of two readings of a question: a new round, else the later update. */
export function laterQuestion(current: Question, next: Question): Question {
  if (next.round !== current.round) return next.round > current.round ? next : current;
  return next.updatedAt >= current.updatedAt ? next : current;
}

/** The later of two readings of an event, each question the later of its two readings. */
function laterEvent(current: AudienceEvent, next: AudienceEvent): AudienceEvent {
  const newer = next.updatedAt >= current.updatedAt ? next : current;
  const known = new Map(current.questions.map((question) => [question.id, question]));
  const questions = newer.questions.map((question) => {
    const before = known.get(question.id);
    return before ? laterQuestion(before, question) : question;
  });
  return { ...newer, questions };
}

/** A push's fields that are there (a selection that left a field out pushes it as null). */
const present = <T extends object>(value: T): Partial<T> => Object.fromEntries(Object.entries(value).filter(([, v]) => v != null)) as Partial<T>;

/** The question the presenter has on, if any. */
export function currentQuestion(event: AudienceEvent): Question | null {
  return event.questions.find((question) => question.id === event.currentQuestionId) ?? null;
}

export interface LiveEvent {
  load: EventLoad;
  /** Why live updates stopped, if they did. */
  problem: string | null;
  /** Reads the event again now (also after a failed first load). */
  reload(): void;
}

/** `onPush` runs at each push (the big screen re-reads its counts then). */
export function useLiveEvent(code: string, onPush?: () => void): LiveEvent {
  const [load, setLoad] = useState<EventLoad>({ state: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [subscriptionAttempt, setSubscriptionAttempt] = useState(0);
  const current = useRef<EventLoad>(load);
  current.current = load;
  const pushed = useRef(onPush);
  pushed.current = onPush;
  const eventId = load.state === 'ready' ? load.event.id : null;

  // First load, by code; transient failures are retried on their own.
  useEffect(() => {
    if (current.current.state === 'ready' || current.current.state === 'deleted') return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    api()
      .graphql({ query: eventByCode, variables: { code }, authMode: AUDIENCE })
      .then(
        (result) => {
          if (cancelled) return;
          const found = result.data.eventByCode;
          setLoad(found ? { state: 'ready', event: found } : { state: 'missing' });
        },
        (error: unknown) => {
          if (cancelled) return;
          const failure = apiFailure(error);
          if (failure.type === 'NotFound') return setLoad({ state: 'missing' });
          setLoad({ state: 'failed', message: describeApiError(error), retrying: failure.transient });
          if (failure.transient) timer = setTimeout(() => setAttempt((n) => n + 1), retryDelay(attempt));
        },
      );
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [code, attempt]);

  // Reads one at a time; a request for another while one is out is folded into one more read.
  const reading = useRef<{ busy: boolean; again: boolean }>({ busy: false, again: false });
  const reread = useCallback(() => {
    const known = current.current;
    if (known.state !== 'ready') return;
    if (reading.current.busy) {
      reading.current.again = true;
      return;
    }
    reading.current = { busy: true, again: false };
    api()
      .graphql({ query: eventById, variables: { id: known.event.id }, authMode: AUDIENCE })
      .then(
        (result) => {
          const now = current.current;
          // A push came while this read was out: the read that follows it is the current one, not this.
          if (now.state !== 'ready' || now.event.id !== known.event.id || reading.current.again) return;
          const found = result.data.event;
          setLoad(found ? { state: 'ready', event: laterEvent(now.event, found) } : { state: 'deleted', event: now.event });
        },
        () => {
          // The page keeps what it has; the connection badge and the next acknowledgement deal with outages.
        },
      )
      .finally(() => {
        const again = reading.current.again;
        reading.current = { busy: false, again: false };
        if (again) reread();
      });
  }, []);

  // Live: onEventChanged and onQuestionChanged, re-read at each acknowledgement.
  useEffect(() => {
    if (!eventId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const failed = (error: unknown) => {
      setProblem(`Live updates stopped: ${describeApiError(error)} Trying again…`);
      if (!timer) timer = setTimeout(() => setSubscriptionAttempt((n) => n + 1), 5_000);
    };
    const ready = () => {
      setProblem(null);
      reread();
    };
    const stopEvent = watch(() => api().graphql({ query: onEventChanged, variables: { id: eventId }, authMode: AUDIENCE }), {
      field: 'onEventChanged',
      variables: { id: eventId },
      next: ({ data }) => {
        pushed.current?.();
        const event = data?.onEventChanged;
        const now = current.current;
        if (now.state !== 'ready') return;
        setProblem(null);
        // Shown at once when complete; always confirmed by a read (a delete pushes the event as it was).
        if (event && event.id === now.event.id && Array.isArray(event.questions)) setLoad({ state: 'ready', event: laterEvent(now.event, event) });
        reread();
      },
      error: failed,
      ready,
    });
    const stopQuestions = watch(() => api().graphql({ query: onQuestionChanged, variables: { eventId }, authMode: AUDIENCE }), {
      field: 'onQuestionChanged',
      variables: { eventId },
      next: ({ data }) => {
        pushed.current?.();
        const question = data?.onQuestionChanged;
        const now = current.current;
        if (now.state !== 'ready') return;
        setProblem(null);
        const before = question ? now.event.questions.find((q) => q.id === question.id) : undefined;
        if (question && before) {
          const merged: Question = { ...before, ...present(question) };
          setLoad({ state: 'ready', event: { ...now.event, questions: now.event.questions.map((q) => (q.id === merged.id ? laterQuestion(q, merged) : q)) } });
        }
        // Shown at once; confirmed by a read, which also supersedes a read started before this change.
        reread();
      },
      error: failed,
      ready,
    });
    return () => {
      if (timer) clearTimeout(timer);
      stopEvent();
      stopQuestions();
    };
  }, [eventId, subscriptionAttempt, reread]);

  // A phone that slept may have missed pushes while its socket was down; a push may be lost on the way.
  useEffect(() => {
    if (!eventId) return;
    const onVisible = () => {
      if (document.visibilityState === 'visible') reread();
    };
    document.addEventListener('visibilitychange', onVisible);
    const timer = setInterval(reread, REREAD_MS);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(timer);
    };
  }, [eventId, reread]);

  const reload = useCallback(() => {
    if (current.current.state === 'ready') reread();
    else {
      setLoad({ state: 'loading' });
      setAttempt((n) => n + 1);
    }
  }, [reread]);

  return { load, problem, reload };
}
