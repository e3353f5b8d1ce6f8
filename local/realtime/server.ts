// The real-time endpoint: WebSocket upgrades at /graphql/realtime, each
// connection speaking AppSync's protocol (protocol.ts) over a `ws` socket.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { getOperationAST, GraphQLError, parse, validate, getArgumentValues, type DocumentNode, type FieldNode, execute } from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import type { LocalApi } from '../api.ts';
import { isAuthFailure, type Authorizer } from '../auth/authorize.ts';
import { RequestState } from '../resolvers/request-state.ts';
import {
  complete,
  connectionAck,
  connectionError,
  Errors,
  HEADER_SUBPROTOCOL_PREFIX,
  KEEP_ALIVE_MS,
  keepAlive,
  MAX_SUBSCRIPTIONS_PER_CONNECTION,
  startAck,
  subscriptionError,
  SUBPROTOCOL,
  type ProtocolError,
} from './protocol.ts';
import { SubscriptionRegistry, type Subscriber } from './subscriptions.ts';

type Connection = { socket: WebSocket; subscriptions: Map<string, () => void>; acknowledged: boolean };

export class RealtimeServer {
  readonly registry: SubscriptionRegistry;
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly keepAliveTimer: NodeJS.Timeout;

  constructor(
    private readonly api: LocalApi,
    private readonly authorize: Authorizer,
  ) {
    this.registry = new SubscriptionRegistry(api.schema);
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: 1024 * 1024,
      // aws-amplify refuses the connection unless graphql-ws is selected.
      handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
    });
    this.keepAliveTimer = setInterval(() => {
      for (const connection of this.connections) if (connection.acknowledged) connection.socket.send(keepAlive);
    }, KEEP_ALIVE_MS);
    this.keepAliveTimer.unref();
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, request));
  }

  private accept(socket: WebSocket, request: IncomingMessage) {
    const caller = this.authorize(connectionHeaders(request));
    if (isAuthFailure(caller)) {
      socket.send(connectionError([Errors.unauthorizedConnection()]));
      socket.close(1000);
      return;
    }
    const connection: Connection = { socket, subscriptions: new Map(), acknowledged: false };
    this.connections.add(connection);
    socket.on('message', (raw, isBinary) => this.onMessage(connection, isBinary ? null : raw.toString()));
    socket.on('close', () => {
      for (const stop of connection.subscriptions.values()) stop();
      this.connections.delete(connection);
    });
    socket.on('error', () => socket.terminate());
  }

  private onMessage(connection: Connection, text: string | null) {
    let message: { type?: unknown; id?: unknown; payload?: unknown };
    try {
      message = text === null ? {} : JSON.parse(text);
    } catch {
      connection.socket.send(subscriptionError(undefined, [Errors.invalidMessage('Message is not valid JSON.')]));
      return;
    }
    switch (message?.type) {
      case 'connection_init':
        connection.acknowledged = true;
        connection.socket.send(connectionAck());
        // A keep-alive at once: aws-amplify's clock starts before the socket opens.
        connection.socket.send(keepAlive);
        return;
      case 'start':
        void this.start(connection, message);
        return;
      case 'stop': {
        const id = String(message.id);
        connection.subscriptions.get(id)?.();
        connection.subscriptions.delete(id);
        connection.socket.send(complete(id));
        return;
      }
      default:
        connection.socket.send(
          subscriptionError(typeof message?.id === 'string' ? message.id : undefined, [
            Errors.invalidMessage(`Unsupported message type: ${JSON.stringify(message?.type ?? null)}`),
          ]),
        );
    }
  }

  private async start(connection: Connection, message: { id?: unknown; payload?: unknown }) {
    const id = typeof message.id === 'string' ? message.id : undefined;
    const fail = (errors: ProtocolError[]) => connection.socket.send(subscriptionError(id, errors));
    if (!id) return fail([Errors.badRequest('A start message needs an id.')]);
    if (connection.subscriptions.has(id)) return fail([Errors.duplicateId(id)]);
    if (connection.subscriptions.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION) return fail([Errors.maxSubscriptions()]);

    const payload = (message.payload ?? {}) as { data?: unknown; extensions?: { authorization?: Record<string, string> } };
    const caller = this.authorize(lowerCaseKeys(payload.extensions?.authorization ?? {}));
    if (isAuthFailure(caller)) return fail([Errors.unauthorizedSubscription()]);

    let request: { query?: unknown; variables?: unknown };
    try {
      request = typeof payload.data === 'string' ? JSON.parse(payload.data) : {};
    } catch {
      return fail([Errors.badRequest('payload.data is not valid JSON.')]);
    }
    if (typeof request.query !== 'string') return fail([Errors.badRequest('payload.data has no query.')]);
    let document: DocumentNode;
    try {
      document = parse(request.query);
    } catch (error) {
      return fail([{ errorType: 'GraphQLError', message: (error as GraphQLError).message }]);
    }
    const invalid = validate(this.api.schema, document);
    if (invalid.length) return fail(invalid.map((error) => ({ errorType: 'GraphQLError', message: error.message })));
    const operation = getOperationAST(document);
    const subscriptionType = this.api.schema.getSubscriptionType();
    if (!operation || operation.operation !== 'subscription' || !subscriptionType) {
      return fail([Errors.badRequest('Only subscription operations can be started on the real-time endpoint.')]);
    }
    const fieldNode = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === 'Field');
    const field = fieldNode ? subscriptionType.getFields()[fieldNode.name.value] : undefined;
    if (!fieldNode || !field || operation.selectionSet.selections.length !== 1) {
      return fail([Errors.badRequest('A subscription selects exactly one field.')]);
    }
    const variables = (request.variables ?? {}) as Record<string, unknown>;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, fieldNode, variables);
    } catch (error) {
      return fail([{ errorType: 'GraphQLError', message: (error as Error).message }]);
    }

    // A subscription resolver runs once, now, and may refuse the subscriber.
    if (this.api.resolvers.has(`${subscriptionType.name}.${field.name}`)) {
      const state = new RequestState({ headers: {}, domainName: null, identity: caller.identity, env: this.api.declaration.environment }, caller.authType);
      const result = await execute({ schema: this.api.schema, document, variableValues: variables, contextValue: state, fieldResolver: this.api.fieldResolver });
      const errors = [...(result.errors ?? []), ...state.appended];
      if (errors.length) {
        return fail(errors.map((error) => {
          const original = error.originalError as { errorType?: string } | undefined;
          return { errorType: original?.errorType ?? 'GraphQLError', message: error.message };
        }));
      }
    }
    if (connection.socket.readyState !== connection.socket.OPEN) return;
    const subscriber: Subscriber = { id, send: (text) => connection.socket.send(text) };
    const key = `${request.query}\u0000${JSON.stringify(variables)}`;
    connection.subscriptions.set(id, this.registry.add(subscriber, { key, field: field.name, document, variables, args }));
    connection.socket.send(startAck(id));
  }

  async close() {
    clearInterval(this.keepAliveTimer);
    for (const connection of this.connections) connection.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

/** Connection auth: the `header-` subprotocol (aws-amplify v6), the `header` query parameter (older clients, AWS's docs), or plain headers. */
function connectionHeaders(request: IncomingMessage): Record<string, string | undefined> {
  const protocols = String(request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
  const fromProtocol = protocols.find((p) => p.startsWith(HEADER_SUBPROTOCOL_PREFIX));
  const fromQuery = new URL(request.url ?? '/', 'http://local').searchParams.get('header');
  const encoded = fromProtocol ? fromProtocol.slice(HEADER_SUBPROTOCOL_PREFIX.length) : fromQuery;
  if (encoded) {
    try {
      return lowerCaseKeys(JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')));
    } catch {
      return {};
    }
  }
  return request.headers as Record<string, string | undefined>;
}

function lowerCaseKeys(headers: Record<string, unknown>): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(headers ?? {})) if (typeof value === 'string') out[key.toLowerCase()] = value;
  return out;
}
