// AppSync's real-time WebSocket protocol, written down once: the message types,
// the subprotocol, the timings and limits, and every error in the shape AppSync
// sends it. Nothing here knows about sockets.
// Sources: AWS "Building a real-time WebSocket client"; ../shared/reference/appsync-realtime.md;
// frames quoted from the real service in public client code and issues (noted per error below).

export const PATH = '/graphql/realtime';
/**
 * What AWS_IAM credentials are signed for (aws-amplify, AWS's docs): the handshake as a
 * POST of `{}` to <endpoint>/connect, each start as a POST of its payload.data to <endpoint>.
 */
export const GRAPHQL_PATH = '/graphql';
export const CONNECT_PATH = '/graphql/connect';
export const CONNECT_BODY = '{}';
export const SUBPROTOCOL = 'graphql-ws';
/** Auth travels as a second subprotocol: `header-` + base64url(JSON of the headers). */
export const HEADER_SUBPROTOCOL_PREFIX = 'header-';

/** Sent in connection_ack; also how long a connection may stay without a subscription. */
export const CONNECTION_TIMEOUT_MS = 300_000;
export const KEEP_ALIVE_MS = 60_000;
/** A connection that sends neither connection_init nor a start in this time is closed (AppSync documents no such limit; ours). */
export const CONNECTION_INIT_TIMEOUT_MS = 15_000;
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 100;
/** A data message whose payload is larger is not delivered (AppSync drops it silently). */
export const MAX_PAYLOAD_BYTES = 240 * 1024;

export const MessageType = {
  ConnectionInit: 'connection_init',
  ConnectionAck: 'connection_ack',
  ConnectionError: 'connection_error',
  KeepAlive: 'ka',
  Start: 'start',
  StartAck: 'start_ack',
  Data: 'data',
  Error: 'error',
  Stop: 'stop',
  Complete: 'complete',
} as const;

/** One error as AppSync writes it on the real-time channel: only the keys it uses. */
export type ProtocolError = { errorType?: string; message: string; errorCode?: number; path?: (string | number)[] };

/** What a client sends, once parsed. Anything else is `unknown` to AppSync. */
export type ClientMessage =
  | { type: 'connection_init' }
  | { type: 'start'; id: string; payload: StartPayload }
  | { type: 'stop'; id: string }
  | { type: 'unknown'; id?: string };

export type StartPayload = { data?: unknown; extensions?: { authorization?: unknown } };

/** Reads one text frame. Never throws: what AppSync cannot read is `unknown`. */
export function parseClientMessage(text: string | null): ClientMessage {
  if (text === null) return { type: 'unknown' };
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { type: 'unknown' };
  }
  if (!message || typeof message !== 'object' || Array.isArray(message)) return { type: 'unknown' };
  const { type, id, payload } = message as { type?: unknown; id?: unknown; payload?: unknown };
  const knownId = typeof id === 'string' ? id : undefined;
  switch (type) {
    case MessageType.ConnectionInit:
      return { type: 'connection_init' };
    case MessageType.Start:
      if (knownId === undefined) return { type: 'unknown' };
      return { type: 'start', id: knownId, payload: payload && typeof payload === 'object' ? (payload as StartPayload) : {} };
    case MessageType.Stop:
      if (knownId === undefined) return { type: 'unknown' };
      return { type: 'stop', id: knownId };
    default:
      return { type: 'unknown', id: knownId };
  }
}

// Server → client frames.
export const connectionAck = (connectionTimeoutMs: number) =>
  JSON.stringify({ type: MessageType.ConnectionAck, payload: { connectionTimeoutMs } });
export const keepAlive = '{"type":"ka"}';
export const startAck = (id: string) => JSON.stringify({ type: MessageType.StartAck, id });
export const complete = (id: string) => JSON.stringify({ type: MessageType.Complete, id });
export const connectionError = (errors: ProtocolError[]) => JSON.stringify({ type: MessageType.ConnectionError, payload: { errors } });
/**
 * An error for one operation (`id`) or for the connection (no id). `errors` is
 * usually a list; AppSync sends a single object for its limit errors.
 */
export const error = (id: string | undefined, errors: ProtocolError[] | ProtocolError) =>
  JSON.stringify(id === undefined ? { type: MessageType.Error, payload: { errors } } : { type: MessageType.Error, id, payload: { errors } });
/** `payloadJson` is the serialised `{"data": …}` shared by every subscriber of a group; only the id differs. */
export const data = (idJson: string, payloadJson: string) => `{"type":"data","id":${idJson},"payload":${payloadJson}}`;

/**
 * One publish's payload for a group of subscribers: a data message is DATA_HEAD, the
 * subscription's id, then `tail`, so a transport writing bytes encodes the payload once
 * for the whole group rather than building and encoding a message per subscriber.
 */
export class DataPayload {
  private encoded: Buffer | undefined;
  constructor(readonly json: string) {}
  /** `,"payload":` + the payload + `}`, encoded once. */
  get tail(): Buffer {
    return (this.encoded ??= Buffer.from(`,"payload":${this.json}}`));
  }
  message(idJson: string): string {
    return data(idJson, this.json);
  }
}
export const DATA_HEAD = Buffer.from('{"type":"data","id":');

export const Errors = {
  /** connection_error when the handshake's credentials are refused (seen from AppSync; errorCode 400 makes aws-amplify give up). */
  unauthorizedConnection: (): ProtocolError => ({
    errorType: 'com.amazonaws.deepdish.graphql.auth#UnauthorizedException',
    message: 'You are not authorized to make this call.',
    errorCode: 400,
  }),
  /** connection_error when the client did not offer the graphql-ws subprotocol. */
  noProtocol: (): ProtocolError => ({ message: 'NoProtocolError', errorCode: 400 }),
  /** A start whose own credentials (extensions.authorization) are refused. */
  unauthorizedSubscription: (message: string, errorType = 'UnauthorizedException'): ProtocolError => ({ errorType, message }),
  /**
   * Anything the channel does not serve: an unknown message type, a frame that is not JSON,
   * a start without payload.data ("unknown"), a query or mutation ("query", "mutation"),
   * or a document whose operation cannot be chosen (""). Quoted from AppSync in
   * graphql-ws#602, amplify-swift#3885 and aws-mobile-appsync-sdk-ios#372.
   */
  unsupported: (operation: string): ProtocolError => ({ errorType: 'UnsupportedOperation', message: `${operation} not supported through the realtime channel` }),
  /** Sent with `errors` as a single object, as AppSync does (amplify-cli#3547, aws-appsync-realtime-client-ios). */
  maxSubscriptions: (): ProtocolError => ({
    errorType: 'MaxSubscriptionsReachedError',
    message: `Max number of ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions reached`,
  }),
  duplicateId: (id: string): ProtocolError => ({ errorType: 'DuplicatedOperationError', message: `Duplicated operation with id ${id}` }),
  /** Validation errors carry only a message (AppSync's are graphql-java's wording; ours are graphql-js's). */
  invalid: (message: string): ProtocolError => ({ message }),
  /** Enhanced-filter limits: a message and errorCode 400, no errorType (amplify-category-api#740). */
  filterLimit: (message: string): ProtocolError => ({ message, errorCode: 400 }),
};
