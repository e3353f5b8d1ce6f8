// AppSync's real-time WebSocket protocol, written down once: the message types,
// the subprotocol, the timings, and the errors in the shapes AppSync sends.
// (docs: "Building a real-time WebSocket client"; ../shared/reference/appsync-realtime.md)

export const PATH = '/graphql/realtime';
export const SUBPROTOCOL = 'graphql-ws';
/** Auth travels as a second subprotocol: `header-` + base64url(JSON of the headers). */
export const HEADER_SUBPROTOCOL_PREFIX = 'header-';

export const CONNECTION_TIMEOUT_MS = 300_000;
export const KEEP_ALIVE_MS = 60_000;
export const MAX_SUBSCRIPTIONS_PER_CONNECTION = 100;
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

export type ProtocolError = { errorType: string; message: string; errorCode?: number };

export type ClientMessage =
  | { type: 'connection_init'; payload?: unknown }
  | { type: 'start'; id: string; payload: { data: string; extensions?: { authorization?: Record<string, string> } } }
  | { type: 'stop'; id: string };

export const connectionAck = () =>
  JSON.stringify({ type: MessageType.ConnectionAck, payload: { connectionTimeoutMs: CONNECTION_TIMEOUT_MS } });
export const keepAlive = JSON.stringify({ type: MessageType.KeepAlive });
export const startAck = (id: string) => JSON.stringify({ type: MessageType.StartAck, id });
export const complete = (id: string) => JSON.stringify({ type: MessageType.Complete, id });
export const connectionError = (errors: ProtocolError[]) => JSON.stringify({ type: MessageType.ConnectionError, payload: { errors } });
export const subscriptionError = (id: string | undefined, errors: ProtocolError[]) =>
  JSON.stringify(id === undefined ? { type: MessageType.Error, payload: { errors } } : { type: MessageType.Error, id, payload: { errors } });
/** `payloadJson` is the already serialised `{"data": …}`, shared by every subscriber of a group. */
export const data = (id: string, payloadJson: string) => `{"type":"data","id":${JSON.stringify(id)},"payload":${payloadJson}}`;

export const Errors = {
  unauthorizedConnection: (): ProtocolError => ({
    errorType: 'com.amazonaws.deepdish.graphql.auth#UnauthorizedException',
    message: 'You are not authorized to make this call.',
    errorCode: 400,
  }),
  unauthorizedSubscription: (): ProtocolError => ({ errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' }),
  maxSubscriptions: (): ProtocolError => ({
    errorType: 'MaxSubscriptionsReachedError',
    message: `Max number of ${MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions reached`,
  }),
  duplicateId: (id: string): ProtocolError => ({ errorType: 'DuplicatedOperationError', message: `Duplicated operation with id ${id}` }),
  invalidMessage: (message: string): ProtocolError => ({ errorType: 'UnsupportedOperation', message }),
  badRequest: (message: string): ProtocolError => ({ errorType: 'BadRequestException', message }),
};
