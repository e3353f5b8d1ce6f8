// A subscription plus the moment it is live. Amplify announces each start_ack on
// Hub ('api' channel, event "Subscription ack", with the subscription's query and
// variables) — after the first subscribe and again after every reconnect. A page
// re-reads its state then: whatever changed before the subscription was live,
// or while the connection was down, is in that read; everything after arrives
// as a push. Nothing falls in between.
import { Hub } from 'aws-amplify/utils';

/** Amplify's CONTROL_MSG.SUBSCRIPTION_ACK (not exported by aws-amplify/api). */
const SUBSCRIPTION_ACK = 'Subscription ack';

interface Subscribable<T> {
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
}

const sameVariables = (a: Record<string, unknown>, b: Record<string, unknown> | undefined) =>
  !!b && Object.entries(a).every(([name, value]) => (value ?? null) === (b[name] ?? null));

/** Starts `source`, calls `ready` whenever it is (re)acknowledged; returns the stop function. */
export function watch<T>(source: Subscribable<T>, options: WatchOptions<T>): () => void {
  let stopped = false;
  const stopListening = Hub.listen('api', ({ payload }) => {
    if (stopped || payload.event !== SUBSCRIPTION_ACK) return;
    const data = payload.data as { query?: string; variables?: Record<string, unknown> } | undefined;
    // The field with its arguments (`onVote(`) or without any (`onEventsChanged {`).
    if (!new RegExp(`\\b${options.field}\\s*[({]`).test(data?.query ?? '') || !sameVariables(options.variables, data?.variables)) return;
    options.ready();
  });
  const subscription = source.subscribe({
    next: (value) => {
      if (!stopped) options.next(value);
    },
    error: (error) => {
      if (!stopped) options.error(error);
    },
  });
  return () => {
    stopped = true;
    stopListening();
    subscription.unsubscribe();
  };
}
