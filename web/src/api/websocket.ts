// Why this file exists: aws-amplify v6 derives its real-time URL from the GraphQL
// endpoint by appending `/realtime` and replacing `https://` *and* `http://` with
// `wss://` (see @aws-amplify/api-graphql, Providers/AWSWebSocketProvider/appsyncUrl.ts).
// It has no option for plain `ws://`. The local AppSync serves HTTP and its
// real-time WebSocket on one plain-HTTP port, so against it Amplify would try TLS
// and fail silently (only a `ConnectionDisrupted` Hub event).
//
// So, when — and only when — the configured endpoint is `http://`, we replace the
// page's WebSocket constructor with a subclass that turns exactly that endpoint's
// `wss://host/graphql/realtime` into `ws://host/graphql/realtime`. Every other URL,
// and every https endpoint (real AppSync), is left untouched. Amplify looks up the
// global `WebSocket` each time it connects, so installing this before
// `Amplify.configure()` is enough.

const installed = Symbol.for('handsup.plainRealtimeWebSocket');

/**
 * The URL a socket should really open: `ws://` instead of `wss://` for the
 * real-time endpoint of a plain-HTTP GraphQL endpoint; anything else unchanged.
 */
export function realtimeSocketUrl(requested: string | URL, graphqlEndpoint: string): string | URL {
  if (!graphqlEndpoint.startsWith('http://')) return requested;
  let url: URL;
  let endpoint: URL;
  try {
    url = new URL(requested);
    endpoint = new URL(graphqlEndpoint);
  } catch {
    return requested;
  }
  const realtimePath = `${endpoint.pathname.replace(/\/+$/, '')}/realtime`;
  if (url.protocol !== 'wss:' || url.host !== endpoint.host || url.pathname !== realtimePath) {
    return requested;
  }
  url.protocol = 'ws:';
  return url.toString();
}

type WebSocketHost = { WebSocket: typeof WebSocket };

/**
 * Installs the wrapper on `target.WebSocket` (the page's window by default) when
 * `graphqlEndpoint` is plain http. Idempotent. Returns whether a wrapper is active.
 */
export function installRealtimeWebSocket(
  graphqlEndpoint: string,
  target: WebSocketHost = globalThis as unknown as WebSocketHost,
): boolean {
  const current = target.WebSocket as typeof WebSocket & { [installed]?: string };
  if (current[installed] !== undefined) return true;
  if (!graphqlEndpoint.startsWith('http://')) return false;

  const NativeWebSocket = current;
  class PlainRealtimeWebSocket extends NativeWebSocket {
    static readonly [installed] = graphqlEndpoint;
    constructor(url: string | URL, protocols?: string | string[]) {
      super(realtimeSocketUrl(url, graphqlEndpoint), protocols);
    }
  }
  target.WebSocket = PlainRealtimeWebSocket;
  return true;
}
