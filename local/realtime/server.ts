// The real-time endpoint: WebSocket upgrades at /graphql/realtime on the `ws`
// library, each socket handed to a RealtimeConnection (connection.ts), which
// knows nothing of `ws`. Mutations reach subscribers through publishMutation.
import type { IncomingMessage } from 'node:http';
import type { AddressInfo, Server, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { LocalApi } from '../api.ts';
import { isAuthFailure, type Authorizer } from '../auth/authorize.ts';
import type { GraphQLAnswer } from '../graphql/execute.ts';
import { RealtimeConnection, type Timings, type Transport } from './connection.ts';
import { CONNECT_BODY, CONNECT_PATH, CONNECTION_INIT_TIMEOUT_MS, CONNECTION_TIMEOUT_MS, DATA_HEAD, Errors, type DataPayload, HEADER_SUBPROTOCOL_PREFIX, KEEP_ALIVE_MS, MAX_PAYLOAD_BYTES, SUBPROTOCOL, type ProtocolError } from './protocol.ts';
import type { RequestState } from '../resolvers/request-state.ts';
import { publishersOf, publishMutation, type PublishOutcome } from './publish.ts';
import { invalidationsOf, lowerCaseKeys, SubscriptionStarter } from './start.ts';
import { SubscriptionRegistry } from './subscriptions.ts';
import { SocketWorkers, type Handshake } from './workers.ts';

/** What a client may send before its handshake's credentials are checked. */
const MAX_EARLY_BYTES = 1024 * 1024;

export type RealtimeOptions = Partial<Timings> & {
  /** Where the server says what a client is not told (a payload AppSync would drop, an internal error). */
  warn?: (message: string) => void;
  /**
   * Child processes owning the sockets, so that a publish's writes use more than one core
   * (workers.ts). 1 (the default): every socket in this process.
   */
  workers?: number;
};

export class RealtimeServer {
  readonly registry = new SubscriptionRegistry();
  private readonly starter: SubscriptionStarter;
  private readonly wss: WebSocketServer;
  /** Open sockets: `ws` ones in this process, or ones a worker owns. */
  private readonly sockets = new Set<{ terminate(): void }>();
  private readonly workers: SocketWorkers | undefined;
  private readonly byMutation: Map<string, string[]>;
  private readonly timings: Timings;
  private readonly warn: (message: string) => void;

  constructor(
    api: LocalApi,
    private readonly authorize: Authorizer,
    options: RealtimeOptions = {},
  ) {
    this.starter = new SubscriptionStarter(api, authorize);
    this.byMutation = publishersOf(api.triggers);
    this.timings = {
      keepAliveMs: options.keepAliveMs ?? KEEP_ALIVE_MS,
      connectionTimeoutMs: options.connectionTimeoutMs ?? CONNECTION_TIMEOUT_MS,
      initTimeoutMs: options.initTimeoutMs ?? CONNECTION_INIT_TIMEOUT_MS,
    };
    this.warn = options.warn ?? ((message) => process.stderr.write(`appsync-local: ${message}\n`));
    this.workers =
      (options.workers ?? 1) > 1
        ? new SocketWorkers(options.workers!, (remote, handshake) => {
            const handlers = this.accept(remote, remote.transport, handshake);
            remote.on('message', (frame: string | null) => handlers.onFrame(frame));
            remote.on('close', () => handlers.onClose());
          })
        : undefined;
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: 1024 * 1024,
      perMessageDeflate: false,
      // aws-amplify gives up on a handshake that does not select graphql-ws.
      handleProtocols: (protocols) => (protocols.has(SUBPROTOCOL) ? SUBPROTOCOL : false),
    });
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    // RFC 6455 is version 13; ws would also take the draft's 8. Refused as the RFC says (§4.4), naming the one served.
    if (request.headers['sec-websocket-version'] !== '13') {
      socket.end('HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    // Served here, with or without socket workers: theirs are the connections they accept (workers.ts).
    this.wss.handleUpgrade(request, socket, head, (ws) => {
      const handlers = this.accept(ws, new SocketTransport(ws), { url: request.url, headers: request.headers, remoteAddress: request.socket.remoteAddress });
      ws.on('message', (raw, isBinary) => handlers.onFrame(isBinary ? null : raw.toString()));
      ws.on('close', () => handlers.onClose());
      ws.on('error', () => ws.terminate());
    });
  }

  /** Sends a mutation's result to its subscribers and closes the subscriptions its resolvers invalidated. */
  publishMutation(answer: GraphQLAnswer, state?: RequestState): PublishOutcome {
    const outcome = publishMutation(answer, this.byMutation, this.registry, state ? invalidationsOf(state) : []);
    for (const { field, bytes } of outcome.oversized) {
      this.warn(`a ${field} payload of ${bytes} bytes exceeds AppSync's ${MAX_PAYLOAD_BYTES / 1024} KB limit: not delivered (AppSync drops it without a word).`);
    }
    return outcome;
  }

  /** Serves one socket, wherever it lives: returns what its frames and its end are given to. */
  private accept(socket: { terminate(): void }, transport: Transport, request: Handshake) {
    this.sockets.add(socket);
    // Frames that arrive while the handshake's credentials are checked wait for the answer, in order.
    let connection: RealtimeConnection | undefined;
    const early: (string | null)[] = [];
    let earlyBytes = 0;
    const deliver = (frame: string | null) => {
      try {
        connection!.onMessage(frame);
      } catch (error) {
        this.warn(`a frame could not be handled: ${(error as Error)?.stack ?? error}`);
      }
    };
    void this.refusal(request)
      .catch((error: unknown) => {
        this.warn(`a handshake could not be checked: ${(error as Error)?.stack ?? error}`);
        return Errors.unauthorizedConnection();
      })
      .then((refusal) => {
        if (!this.sockets.has(socket)) return;
        connection = new RealtimeConnection(transport, {
          starter: this.starter,
          registry: this.registry,
          timings: this.timings,
          refusal,
          onInternalError: (error) => this.warn(`a subscription failed: ${(error as Error)?.stack ?? error}`),
        });
        for (const frame of early.splice(0)) deliver(frame);
      });
    return {
      onFrame: (frame: string | null) => {
        if (connection) return deliver(frame);
        // Held until the handshake is checked, within one frame's worth of bytes: a flood before then ends the socket.
        earlyBytes += frame?.length ?? 0;
        if (earlyBytes > MAX_EARLY_BYTES) return socket.terminate();
        early.push(frame);
      },
      onClose: () => {
        connection?.onClose();
        this.sockets.delete(socket);
      },
    };
  }

  /** Why the upgrade request is refused, if it is: no graphql-ws subprotocol, or credentials AppSync would not take. */
  private async refusal(request: Handshake): Promise<ProtocolError | undefined> {
    const protocols = String(request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (!protocols.includes(SUBPROTOCOL)) return Errors.noProtocol();
    const caller = await this.authorize(connectionHeaders(request, protocols), {
      remoteAddress: request.remoteAddress,
      request: { method: 'POST', path: CONNECT_PATH, body: CONNECT_BODY },
    });
    return isAuthFailure(caller) ? Errors.unauthorizedConnection() : undefined;
  }

  /** How many sockets each socket worker owns; empty without workers (for tests and the bench). */
  get connectionsPerWorker(): number[] {
    return this.workers?.perWorker ?? [];
  }

  /** The socket workers' process ids (for tests). */
  get workerProcessIds(): number[] {
    return this.workers?.processIds ?? [];
  }

  /** How many connections the socket workers accepted and handed back to be served here (for tests). */
  get connectionsHandedBack() {
    return this.workers?.handedBack ?? 0;
  }

  /** How many sockets are open (for tests and the bench). */
  get connectionCount() {
    return this.sockets.size;
  }

  /**
   * With socket workers: they accept on the server's listening socket instead of this process,
   * so that the real-time sockets are theirs (a socket accepted here is served here, its writes
   * on this process's core); the connections they hand back are served by `listener` as if it
   * had accepted them. `idleMs`: how long a socket may stay silent before its first byte (the
   * server's headers timeout). Should every worker end, this process accepts again.
   */
  async shareListener(listener: Server, idleMs: number) {
    if (!this.workers) return;
    const { port, address } = listener.address() as AddressInfo;
    const takeBack = (socket: Socket, head: Buffer) => {
      socket.unshift(head);
      listener.emit('connection', socket);
    };
    await this.workers.listen(listener, takeBack, idleMs, () => listener.listen(port, address));
    if (!this.workers.running) return;
    // Closes this process's copy of the listening socket only: the workers' copies keep it open, and
    // the server object stays as it is (its timeouts keep being checked) for the connections handed back.
    const own = listener as unknown as { _handle: { close(): void } | null };
    own._handle?.close();
    own._handle = null;
  }

  async close() {
    await this.workers?.unlisten();
    for (const socket of this.sockets) socket.terminate();
    await this.workers?.closeSockets();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  /** Ends the socket workers, once the HTTP server that handed them sockets has closed (workers.ts says why). */
  async stopWorkers() {
    await this.workers?.stop();
  }
}

/**
 * The connection's transport on a `ws` socket, sending what one turn of the event loop
 * gave it in one write. One turn, not one tick: the frames wait in `waiting` until the
 * turn's I/O callbacks have all run (setImmediate), so a burst of mutations answered in
 * the same turn — what a busy server does — costs each subscriber's socket one system
 * call, not one per mutation; a quiet server still writes each publish at once, after
 * the request that caused it. (A write per publish and socket made the socket writes
 * about a tenth of the voting server's time: 200 screens at 100 votes/s are 20,000
 * writes a second.) The frames are framed here (text, unmasked, as a server sends
 * them: RFC 6455 §5.2); close, ping and pong stay with ws.
 */
class SocketTransport implements Transport {
  /** Two slots a frame: a whole message and null, or a data message's id and its payload's tail (protocol.ts). */
  private pending: (string | Buffer | null)[] | null = null;
  private readonly raw: Socket | undefined;

  constructor(private readonly socket: WebSocket) {
    const raw = (socket as unknown as { _socket?: Socket })._socket;
    this.raw = raw && typeof raw.write === 'function' ? raw : undefined;
  }

  send(text: string) {
    if (!this.raw) return this.socket.send(text);
    this.queue(text, null);
  }

  sendData(idJson: string, payload: DataPayload) {
    if (!this.raw) return this.socket.send(payload.message(idJson));
    this.queue(idJson, payload.tail);
  }

  private queue(text: string, tail: Buffer | null) {
    if (!this.pending) {
      this.pending = [];
      waiting.push(this);
      if (waiting.length === 1) setImmediate(writeWaiting);
    }
    this.pending.push(text, tail);
  }

  close(code: number, reason: string) {
    this.flush();
    this.socket.close(code, reason);
  }

  flush() {
    const frames = this.pending;
    this.pending = null;
    if (!frames?.length || this.socket.readyState !== this.socket.OPEN) return;
    this.raw!.write(textFrames(frames));
  }
}

/**
 * The transports given frames since the last write, in the order they were first given one,
 * and how far the writing has gone. A fan-out to thousands of sockets is written in slices
 * of WRITE_SLICE_MS with a turn between them, so HTTP answers and the next mutations are not
 * held behind it (10,000 writes are a few hundred ms here). Each connection's frames stay in
 * order: a connection given more frames before its turn came keeps them in its one list, and
 * one written already joins the end of the queue.
 */
let waiting: SocketTransport[] = [];
let written = 0;
const WRITE_SLICE_MS = 10;
function writeWaiting() {
  const started = performance.now();
  while (written < waiting.length) {
    waiting[written++]!.flush();
    if ((written & 63) === 0 && performance.now() - started > WRITE_SLICE_MS) break;
  }
  if (written < waiting.length) {
    setImmediate(writeWaiting);
    return;
  }
  waiting = [];
  written = 0;
}

/**
 * WebSocket text frames, one after the other, in one buffer: two slots a frame, a whole
 * message and null, or a data message's id and its payload's tail (DATA_HEAD goes before the id).
 */
export function textFrames(frames: (string | Buffer | null)[]): Buffer {
  let size = 0;
  for (let i = 0; i < frames.length; i += 2) {
    const tail = frames[i + 1] as Buffer | null;
    const length = Buffer.byteLength(frames[i] as string) + (tail ? DATA_HEAD.length + tail.length : 0);
    size += length + (length < 126 ? 2 : length < 65536 ? 4 : 10);
  }
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < frames.length; i += 2) {
    const text = frames[i] as string;
    const tail = frames[i + 1] as Buffer | null;
    const length = Buffer.byteLength(text) + (tail ? DATA_HEAD.length + tail.length : 0);
    out[at++] = 0x81; // FIN, text
    if (length < 126) out[at++] = length;
    else if (length < 65536) {
      out[at++] = 126;
      out.writeUInt16BE(length, at);
      at += 2;
    } else {
      out[at++] = 127;
      out.writeBigUInt64BE(BigInt(length), at);
      at += 8;
    }
    if (tail) at += DATA_HEAD.copy(out, at);
    at += out.write(text, at);
    if (tail) at += tail.copy(out, at);
  }
  return out;
}

/** Connection auth: the `header-` subprotocol (aws-amplify v6), the `header` query parameter (older clients, AWS's docs), or plain headers. */
function connectionHeaders(request: Handshake, protocols: string[]): Record<string, string | undefined> {
  const fromProtocol = protocols.find((p) => p.startsWith(HEADER_SUBPROTOCOL_PREFIX));
  const encoded = fromProtocol ? fromProtocol.slice(HEADER_SUBPROTOCOL_PREFIX.length) : new URL(request.url ?? '/', 'http://local').searchParams.get('header');
  if (encoded) {
    try {
      // base64url (the subprotocol) and base64 (the query parameter) both decode here.
      return lowerCaseKeys(JSON.parse(Buffer.from(encoded.replace(/[- ]/g, '+').replace(/_/g, '/'), 'base64').toString('utf8')));
    } catch {
      return {};
    }
  }
  return lowerCaseKeys(request.headers);
}
