// A poll found by its code and kept current: onPollChanged pushes each open,
// close, reset and delete; a re-read at each subscription acknowledgement (first
// subscribe, every reconnect) catches up on anything missed, and watch() re-reads
// while the connection is down, when the page comes back into view, and every
// 30 s. A deleted poll's last push looks like the poll as it was, so a push that
// changes nothing is checked with a read: no poll, deleted.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client.ts';
import { apiFailure, describeApiError } from '../api/errors.ts';
import { onPollChanged, poll as pollQuery, pollByCode, type Poll } from '../api/operations.ts';
import { watch } from './subscribe.ts';

export type PollLoad =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'failed'; message: string; retrying: boolean }
  | { state: 'ready'; poll: Poll }
  | { state: 'deleted'; poll: Poll };

const RETRY_MS = [1_000, 2_000, 4_000, 8_000, 15_000];
const retryDelay = (attempt: number) => RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] as number;

/** The later of two readings of a poll: a new round, else the later update. */
function later(current: Poll, next: Poll): Poll {
  if (next.round !== current.round) return next.round > current.round ? next : current;
  return next.updatedAt >= current.updatedAt ? next : current;
}

export interface LivePoll {
  load: PollLoad;
  /** Why live updates stopped, if they did (the subscription was refused or failed). */
  problem: string | null;
  /** Reads the poll again now (also after a failed first load). */
  reload(): void;
}

export function useLivePoll(code: string): LivePoll {
  const [load, setLoad] = useState<PollLoad>({ state: 'loading' });
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [subscriptionAttempt, setSubscriptionAttempt] = useState(0);
  const current = useRef<PollLoad>(load);
  current.current = load;
  const pollId = load.state === 'ready' ? load.poll.id : null;

  // First load, by code; transient failures are retried on their own.
  useEffect(() => {
    if (current.current.state === 'ready' || current.current.state === 'deleted') return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    api()
      .graphql({ query: pollByCode, variables: { code } })
      .then(
        (result) => {
          if (cancelled) return;
          const found = result.data.pollByCode;
          setLoad(found ? { state: 'ready', poll: found } : { state: 'missing' });
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

  /** Reads the poll by id: newer state, or deleted. */
  const reread = useCallback(() => {
    const known = current.current;
    if (known.state !== 'ready') return;
    api()
      .graphql({ query: pollQuery, variables: { id: known.poll.id } })
      .then(
        (result) => {
          const now = current.current;
          if (now.state !== 'ready' || now.poll.id !== known.poll.id) return;
          const found = result.data.poll;
          setLoad(found ? { state: 'ready', poll: later(now.poll, found) } : { state: 'deleted', poll: now.poll });
        },
        () => {
          // The page keeps what it has; the connection badge and the next acknowledgement deal with outages.
        },
      );
  }, []);

  // Live: onPollChanged, re-read at each acknowledgement.
  useEffect(() => {
    if (!pollId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = watch(() => api().graphql({ query: onPollChanged, variables: { id: pollId } }), {
      field: 'onPollChanged',
      variables: { id: pollId },
      next: ({ data }) => {
        const pushed = data?.onPollChanged;
        const now = current.current;
        if (now.state !== 'ready') return;
        setProblem(null);
        // A push is the mutation's own selection: one that selected less than a page needs arrives empty. Read it.
        if (!pushed || pushed.id !== now.poll.id) return reread();
        const merged: Poll = { ...now.poll, ...Object.fromEntries(Object.entries(pushed).filter(([, value]) => value != null)) };
        if (merged.state === now.poll.state && merged.round === now.poll.round) reread();
        else setLoad({ state: 'ready', poll: later(now.poll, merged) });
      },
      error: (error) => {
        setProblem(`Live updates stopped: ${describeApiError(error)} Trying again…`);
        timer = setTimeout(() => setSubscriptionAttempt((n) => n + 1), 5_000);
      },
      ready: () => {
        setProblem(null);
        reread();
      },
    });
    return () => {
      if (timer) clearTimeout(timer);
      stop();
    };
  }, [pollId, subscriptionAttempt, reread]);

  const reload = useCallback(() => {
    if (current.current.state === 'ready') reread();
    else {
      setLoad({ state: 'loading' });
      setAttempt((n) => n + 1);
    }
  }, [reread]);

  return { load, problem, reload };
}
