// One real-time connection speaking AppSync's protocol, free of any socket library:
// frames come in through onMessage, go out through the Transport. Nothing a client
// sends can break the connection's other subscriptions or the server.
import {
  complete,
  connectionAck,
  connectionError,
  error,
  Errors,
  keepAlive,
  MAX_SUBSCRIPTIONS_PER_CONNECTION,
  parseClientMessage,
  startAck,
  type DataPayload,
  type ProtocolError,
  type StartPayload,
} from './protocol.ts';
import type { SubscriptionStarter } from './start.ts';
import type { RemoteSink, Sink, SubscriptionRegistry } from './subscriptions.ts';

export interface Transport {
  send(text: string): void;
  /** A data message, as its subscription's id and the group's payload: for a transport that writes bytes (server.ts). */
  sendData?(idJson: string, payload: DataPayload): void;
  close(code: number, reason: string): void;
  /** Set when another process owns the socket: publishes reach it through the registry's channel (subscriptions.ts). */
  readonly remote?: RemoteSink;
}

export type Timings = {
  /** Between two `ka` (the first one goes right after the ack). */
  keepAliveMs: number;
  /** Told to the client in connection_ack, and how long a connection may go without a subscription. */
  connectionTimeoutMs: number;
  /** How long a new connection may go without connection_init or a start (AppSync documents none: ours, CONNECTION_INIT_TIMEOUT_MS). */
  initTimeoutMs: number;
};

export type ConnectionContext = {
  starter: SubscriptionStarter;
  registry: SubscriptionRegistry;
  timings: Timings;
  /** Set when the upgrade request itself was refused: the first message is answered with it and the connection closes. */
  refusal?: ProtocolError;
  /** Called for a subscription that failed unexpectedly (a bug of ours, not the client's). */
  onInternalError?: (error: unknown) => void;
};

export class RealtimeConnection {
  private readonly subscriptions = new Map<string, () => void>();
  /** Starts whose resolver is still running; a stop meanwhile cancels them. */
  private readonly pending = new Map<string, { cancelled: boolean }>();
  private keepAliveTimer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private initTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly sink: Sink;

  constructor(
    private readonly transport: Transport,
    private readonly context: ConnectionContext,
  ) {
    this.sink = { send: (text: string) => this.transport.send(text), sendData: transport.sendData?.bind(transport), remote: transport.remote };
    this.watchIdle();
    // A socket that opens and says nothing holds a file descriptor for nothing: closed long before the idle timeout.
    this.initTimer = setTimeout(() => this.close(1000, 'no connection_init'), context.timings.initTimeoutMs);
    this.initTimer.unref();
  }

  /** A text frame, or null for a binary one. */
  onMessage(text: string | null) {
    if (this.closed) return;
    const message = parseClientMessage(text);
    if (this.context.refusal) return this.refuse(this.context.refusal);
    if (message.type === 'connection_init' || message.type === 'start') clearTimeout(this.initTimer);
    switch (message.type) {
      case 'connection_init':
        this.transport.send(connectionAck(this.context.timings.connectionTimeoutMs));
        // A ka at once: aws-amplify's keep-alive clock started before the socket opened.
        this.transport.send(keepAlive);
        this.keepAlive();
        return;
      case 'start':
        // connection_init is optional (AWS docs): a start alone is served.
        this.keepAlive();
        return this.start(message.id, message.payload);
      case 'stop':
        return this.stop(message.id);
      default:
        // AppSync answers what it cannot serve without an id, whatever the frame carried (graphql-ws#602).
        this.transport.send(error(undefined, [Errors.unsupported('unknown')]));
    }
  }

  onClose() {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.keepAliveTimer);
    clearTimeout(this.idleTimer);
    clearTimeout(this.initTimer);
    for (const remove of this.subscriptions.values()) remove();
    this.subscriptions.clear();
    for (const token of this.pending.values()) token.cancelled = true;
    this.pending.clear();
  }

  get subscriptionCount() {
    return this.subscriptions.size;
  }

  private start(id: string, payload: StartPayload) {
    if (this.subscriptions.has(id) || this.pending.has(id)) return this.transport.send(error(id, [Errors.duplicateId(id)]));
    if (this.subscriptions.size + this.pending.size >= MAX_SUBSCRIPTIONS_PER_CONNECTION) {
      return this.transport.send(error(id, Errors.maxSubscriptions()));
    }
    const token = { cancelled: false };
    this.pending.set(id, token);
    this.watchIdle();
    void this.settle(id, payload, token);
  }

  /** Runs a start to its answer: start_ack once registered, or its errors; nothing once a stop or the close cancelled it. */
  private async settle(id: string, payload: StartPayload, token: { cancelled: boolean }) {
    try {
      const outcome = await this.context.starter.start(payload);
      if (token.cancelled) return;
      this.pending.delete(id);
      if (!outcome.ok) {
        this.transport.send(error(id, outcome.errors));
        return;
      }
      const remove = this.context.registry.add(this.sink, id, outcome.spec, () => this.invalidated(id));
      this.subscriptions.set(id, remove);
      this.transport.send(startAck(id));
    } catch (failure) {
      if (token.cancelled) return;
      this.pending.delete(id);
      this.context.onInternalError?.(failure);
      this.transport.send(error(id, [{ errorType: 'InternalFailure', message: String((failure as Error)?.message ?? failure) }]));
    } finally {
      this.watchIdle();
    }
  }

  private stop(id: string) {
    const token = this.pending.get(id);
    if (token) {
      token.cancelled = true;
      this.pending.delete(id);
    }
    this.subscriptions.get(id)?.();
    this.subscriptions.delete(id);
    this.transport.send(complete(id));
    this.watchIdle();
  }

  /** extensions.invalidateSubscriptions closed this subscription: the client is told it is complete. */
  private invalidated(id: string) {
    const remove = this.subscriptions.get(id);
    if (!remove) return;
    remove();
    this.subscriptions.delete(id);
    this.transport.send(complete(id));
    this.watchIdle();
  }

  private refuse(reason: ProtocolError) {
    this.transport.send(connectionError([reason]));
    this.close(1000, 'connection refused');
  }

  private keepAlive() {
    if (this.keepAliveTimer) return;
    this.keepAliveTimer = setInterval(() => this.transport.send(keepAlive), this.context.timings.keepAliveMs);
    this.keepAliveTimer.unref();
  }

  /** A connection without subscriptions is closed once connectionTimeoutMs has passed. */
  private watchIdle() {
    if (this.closed) return;
    const idle = this.subscriptions.size === 0 && this.pending.size === 0;
    if (!idle) {
      clearTimeout(this.idleTimer);
      this.idleTimer = undefined;
      return;
    }
    if (this.idleTimer) return;
    this.idleTimer = setTimeout(() => this.close(1000, 'idle'), this.context.timings.connectionTimeoutMs);
    this.idleTimer.unref();
  }

  private close(code: number, reason: string) {
    this.onClose();
    this.transport.close(code, reason);
  }
}
