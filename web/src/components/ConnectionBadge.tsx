import { useEffect, useRef, useState } from 'react';
import { CONNECTION_STATE_CHANGE, ConnectionState } from 'aws-amplify/api';
import { Hub } from 'aws-amplify/utils';

const LABELS: Record<string, { text: string; tone: 'ok' | 'wait' | 'bad' }> = {
  [ConnectionState.Connected]: { text: 'Live', tone: 'ok' },
  [ConnectionState.ConnectedPendingKeepAlive]: { text: 'Live · checking', tone: 'wait' },
  [ConnectionState.ConnectedPendingNetwork]: { text: 'Waiting for network', tone: 'wait' },
  [ConnectionState.ConnectedPendingDisconnect]: { text: 'Closing', tone: 'wait' },
  [ConnectionState.Connecting]: { text: 'Connecting…', tone: 'wait' },
  [ConnectionState.ConnectionDisrupted]: { text: 'Reconnecting…', tone: 'bad' },
  [ConnectionState.ConnectionDisruptedPendingNetwork]: { text: 'Offline', tone: 'bad' },
  [ConnectionState.Disconnected]: { text: 'Disconnected', tone: 'bad' },
};

/**
 * The real-time connection state from Amplify Hub (`api` channel,
 * `ConnectionStateChange`). `onConnected` runs each time it becomes Connected,
 * so a page can re-read what it may have missed while disconnected.
 */
export function useConnectionState(onConnected?: () => void): string {
  const [state, setState] = useState<string>(ConnectionState.Connecting);
  const last = useRef<string>(ConnectionState.Connecting);
  const callback = useRef(onConnected);
  callback.current = onConnected;
  useEffect(
    () =>
      Hub.listen('api', ({ payload }) => {
        if (payload.event !== CONNECTION_STATE_CHANGE) return;
        const next = (payload.data as { connectionState?: string } | undefined)?.connectionState;
        if (!next) return;
        const previous = last.current;
        // Each recovery attempt passes through Connecting: until one succeeds, the connection is still lost
        // (the banner would otherwise flicker every few seconds).
        if (next === ConnectionState.Connecting && TROUBLE.has(previous)) return;
        last.current = next;
        setState(next);
        if (next === ConnectionState.Connected && previous !== ConnectionState.Connected) callback.current?.();
      }),
    [],
  );
  return state;
}

const TROUBLE = new Set<string>([
  ConnectionState.ConnectionDisrupted,
  ConnectionState.ConnectionDisruptedPendingNetwork,
  ConnectionState.Disconnected,
  ConnectionState.ConnectedPendingNetwork,
]);

/** True when the real-time connection is down or waiting for the network. */
export const connectionInTrouble = (state: string) => TROUBLE.has(state);

/** A small badge that makes a reconnect visible (big screen and phones). */
export function ConnectionBadge({ state, problem }: { state: string; problem?: string | null }) {
  const label = problem ? { text: 'Live updates stopped', tone: 'bad' as const } : (LABELS[state] ?? { text: state, tone: 'wait' as const });
  return (
    <span className={`badge badge--${label.tone}`} data-testid="connection-state" data-state={problem ? 'Failed' : state} title={problem ?? undefined}>
      <span className="badge__dot" aria-hidden="true" />
      {label.text}
    </span>
  );
}

/** A line across the page while the connection is down: what the person sees may be out of date. */
export function ConnectionBanner({ state, detail }: { state: string; detail: string }) {
  if (!connectionInTrouble(state)) return null;
  const offline = state === ConnectionState.ConnectionDisruptedPendingNetwork || state === ConnectionState.ConnectedPendingNetwork;
  return (
    <p className="connection-banner" role="status" data-testid="connection-banner">
      <strong>{offline ? 'No network.' : 'Connection lost: reconnecting…'}</strong> {detail}
    </p>
  );
}
