// Something read over HTTP and kept current by subscriptions that say it changed: the read runs
// at once, at each push, at each acknowledgement (first subscribe, every reconnect) and as `watch`
// recovers a dropped connection — one read at a time (oneAtATime). A subscription that fails is
// started again 5 s later. The organizer's pages (event, entries, results) are all this loop.
import { useEffect, useMemo, useRef, useState } from 'react';
import { oneAtATime } from './oneAtATime.ts';
import { watch, type Subscribable } from './subscribe.ts';

export interface Watched {
  /** Starts the subscription (again, after a failure or an outage). */
  start(): Subscribable<unknown>;
  /** Its field and variables, to recognise its acknowledgements. */
  field: string;
  variables: Record<string, unknown>;
}

export interface WatchedReadOptions {
  /** A failure in words (the organizer's `failed` also ends a session that is over). */
  describe(error: unknown): string;
  /** What stops when a subscription fails: "Live updates", "Live results"… */
  what: string;
  /** Runs at each push, before the read it causes. */
  onPush?(): void;
}

export interface WatchedRead {
  /** Reads again now (folded into the read that is out, if one is). */
  reread(): void;
  /** Why the last read failed or live updates stopped, if they did. */
  problem: string | null;
}

/**
 * Keeps what `read` reads current while `key` names it (null: nothing to read or watch; a new key
 * starts over). `read` may reject: its failure becomes the problem until a read succeeds.
 */
export function useWatchedRead(key: string | null, read: () => Promise<unknown>, watched: Watched[], options: WatchedReadOptions): WatchedRead {
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The latest callbacks, without making every render a new key.
  const latest = useRef({ read, watched, options });
  latest.current = { read, watched, options };

  const reread = useMemo(
    () =>
      oneAtATime(async () => {
        if (key === null) return;
        try {
          await latest.current.read();
          setProblem(null);
        } catch (error) {
          setProblem(latest.current.options.describe(error));
        }
      }),
    [key],
  );

  useEffect(reread, [reread]);

  useEffect(() => {
    if (key === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { watched: subscriptions, options: current } = latest.current;
    const stops = subscriptions.map((subscription) =>
      watch(subscription.start, {
        field: subscription.field,
        variables: subscription.variables,
        next: () => {
          latest.current.options.onPush?.();
          reread();
        },
        error: (error) => {
          setProblem(`${current.what} stopped: ${latest.current.options.describe(error)} Trying again…`);
          if (!timer) timer = setTimeout(() => setAttempt((n) => n + 1), 5_000);
        },
        ready: reread,
      }),
    );
    return () => {
      if (timer) clearTimeout(timer);
      for (const stop of stops) stop();
    };
  }, [key, reread, attempt]);

  return { reread, problem };
}
