// A subscription plus the moment it is live, and its recovery when it is not.
//
// Live: Amplify announces each start_ack on Hub ('api' channel, event
// "Subscription ack", with the subscription's query and variables) — after the
// first subscribe and again after every reconnect. A page re-reads its state
// then: whatever changed before the subscription was live, or while the
// connection was down, is in that read; everything after arrives as a push.
//
// Recovery: after an outage aws-amplify retries the socket once after 5 s, then
// only every 60 s, so a server restart or a projector's Wi-Fi drop longer than
// 5 s left pages stale for a minute. While the connection is down, `watch`
// re-reads over HTTP and starts the subscription again on its own schedule (1,
// 2, then every 3 s), at once when the browser says it is back online or the
// page comes back into view: a page is current within seconds of the API
// answering again. While live, a re-read every 30 s is the safety net for a
// push that never came.
import { CONNECTION_STATE_CHANGE, ConnectionState } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';

/** Amplify's CONTROL_MSG.SUBSCRIPTION_ACK (not exported by aws-amplify/api). */
const SUBSCRIPTION_ACK = 'Subscription ack';

/** Pauses between recovery attempts while the connection is down: short, and capped low. */
export const RECOVERY_MS = [1_000, 2_000, 3_000] as const;
/** How often a live page re-reads anyway, in case a push was lost. */
export const SAFETY_NET_MS = 30_000;

/** Connection states in which no push can arrive. */
const DOWN = new Set<string>([
  ConnectionState.ConnectionDisrupted,
  ConnectionState.ConnectionDisruptedPendingNetwork,
  ConnectionState.Disconnected,
]);

export interface Subscribable<T> {
  subscribe(observer: { next: (value: T) => void; error: (error: unknown) => void }): { unsubscribe(): void };
}

export interface WatchOptions<T> {
  /** The subscription field (`onVote`), to recognise its acknowledgements. */
  field: string;
  /** The variables it was started with: only acknowledgements with these count. */
  variables: Record<string, unknown>;
  next(value: T): void;
  error(error: unknown): void;
  /** Runs at each acknowledgement: after subscribing, and after each reconnect. */
  ready(): void;
  /** Re-reads over HTTP: while the connection is down, and now and then while live. `ready` when not given. */
  resync?(): void;
}

const sameVariables = (a: Record<string, unknown>, b: Record<string, unknown> | undefined) =>
  !!b && Object.entries(a).every(([name, value]) => (value ?? null) === (b[name] ?? null));

/**
 * Starts the subscription `source` makes, calls `ready` whenever it is (re)acknowledged, and recovers it
 * when the connection drops; returns the stop function.
 */
export function watch<T>(source: Subscribable<T> | (() => Subscribable<T>), options: WatchOptions<T>): () => void {
  // Given a subscription already made rather than a way to make one, recovery can only re-read.
  const start = typeof source === 'function' ? source : undefined;
  const resync = () => (options.resync ?? options.ready)();
  let stopped = false;
  let down = false;
  let attempt = 0;
  let recovery: ReturnType<typeof setTimeout> | undefined;

  const observer = {
    next: (value: T) => {
      if (!stopped) options.next(value);
    },
    error: (error: unknown) => {
      if (!stopped) options.error(error);
    },
  };
  let subscription = (start ? start() : (source as Subscribable<T>)).subscribe(observer);

  /** One recovery attempt: read over HTTP, and subscribe again (which makes Amplify open a socket now). */
  const recover = () => {
    if (stopped || !down) return;
    clearTimeout(recovery);
    resync();
    if (start) {
      subscription.unsubscribe();
      subscription = start().subscribe(observer);
    }
    const pause = RECOVERY_MS[Math.min(attempt, RECOVERY_MS.length - 1)];
    attempt += 1;
    recovery = setTimeout(recover, pause);
  };

  const stopListening = Hub.listen('api', ({ payload }) => {
    if (stopped) return;
    if (payload.event === CONNECTION_STATE_CHANGE) {
      const state = (payload.data as { connectionState?: string } | undefined)?.connectionState;
      if (!state) return;
      if (DOWN.has(state) && !down) {
        down = true;
        attempt = 0;
        clearTimeout(recovery);
        recovery = setTimeout(recover, RECOVERY_MS[0]);
      } else if (state === ConnectionState.Connected) {
        down = false;
        clearTimeout(recovery);
      }
      return;
    }
    if (payload.event !== SUBSCRIPTION_ACK) return;
    const data = payload.data as { query?: string; variables?: Record<string, unknown> } | undefined;
    // The field with its arguments (`onVote(`) or without any (`onEventsChanged {`).
    if (!new RegExp(`\\b${options.field}\\s*[({]`).test(data?.query ?? '') || !sameVariables(options.variables, data?.variables)) return;
    down = false;
    clearTimeout(recovery);
    options.ready();
  });

  // The browser knows before Amplify does: try at once.
  const onOnline = () => {
    if (down) recover();
    else resync();
  };
  const onVisible = () => {
    if (document.visibilityState === 'visible') onOnline();
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  const safetyNet = setInterval(() => {
    if (!down) resync();
  }, SAFETY_NET_MS);

  return () => {
    stopped = true;
    clearTimeout(recovery);
    clearInterval(safetyNet);
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onVisible);
    stopListening();
    subscription.unsubscribe();
  };
}
