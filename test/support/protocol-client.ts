// A small client speaking AppSync's real-time protocol as raw frames over `ws`,
// for tests that need to see exactly what the server sends and to send what no
// well-behaved client would. Messages queue up; `next()` takes them in order.
import { WebSocket, type ClientOptions } from 'ws';

export type Frame = { type: string; id?: string; payload?: any };

export type ConnectOptions = {
  apiKey?: string;
  /** An Authorization header instead of the API key (a Lambda authorizer's token, a JWT), for the handshake and each start. */
  authorization?: string;
  /** How the handshake carries its credentials: AWS's three ways (aws-amplify v6 uses the subprotocol). */
  auth?: 'subprotocol' | 'query' | 'headers' | 'none';
  /** Offer the graphql-ws subprotocol (as every AppSync client must). */
  graphqlWs?: boolean;
  /** Extra `ws` options, e.g. the CA of a TLS endpoint. */
  ws?: ClientOptions;
};

const base64url = (json: object) => Buffer.from(JSON.stringify(json)).toString('base64url');

export class ProtocolClient {
  private readonly queue: Frame[] = [];
  private waiting: ((frame: Frame) => void) | undefined;
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(
    readonly socket: WebSocket,
    private readonly apiKey: string | undefined,
    private readonly authorization?: string,
  ) {
    socket.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as Frame;
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = undefined;
        resolve(frame);
      } else this.queue.push(frame);
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async connect(realtimeUrl: string, options: ConnectOptions = {}): Promise<ProtocolClient> {
    const { apiKey, auth = 'subprotocol', graphqlWs = true } = options;
    const host = new URL(realtimeUrl).host;
    const header = { host, 'x-amz-date': '20261126T000000Z', ...(apiKey ? { 'x-api-key': apiKey } : {}), ...(options.authorization ? { Authorization: options.authorization } : {}) };
    const protocols = graphqlWs ? ['graphql-ws'] : [];
    let url = realtimeUrl;
    const wsOptions: ClientOptions = { ...options.ws };
    if (auth === 'subprotocol') protocols.push(`header-${base64url(header)}`);
    if (auth === 'query') url += `?header=${encodeURIComponent(Buffer.from(JSON.stringify(header)).toString('base64'))}&payload=e30=`;
    if (auth === 'headers') wsOptions.headers = { ...wsOptions.headers, ...(apiKey ? { 'x-api-key': apiKey } : {}) };
    const socket = new WebSocket(url, protocols, wsOptions);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new ProtocolClient(socket, apiKey, options.authorization);
  }

  /** Sends a frame as is: an object is serialised, a string goes raw. */
  send(frame: object | string) {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** connection_init, then the connection_ack. */
  async init(): Promise<Frame> {
    this.send({ type: 'connection_init' });
    return this.expect('connection_ack');
  }

  /** A start message as aws-amplify writes it: the request as a JSON string, credentials per subscription. */
  start(id: string, query: string, variables: Record<string, unknown> = {}, apiKey = this.apiKey) {
    const authorization = { host: 'localhost', 'x-amz-date': '20261126T000000Z', ...(apiKey ? { 'x-api-key': apiKey } : {}), ...(this.authorization ? { Authorization: this.authorization } : {}) };
    this.send({ id, type: 'start', payload: { data: JSON.stringify({ query, variables }), extensions: { authorization } } });
  }

  /** Starts a subscription and waits for its start_ack. */
  async subscribe(id: string, query: string, variables: Record<string, unknown> = {}): Promise<void> {
    this.start(id, query, variables);
    await this.expect('start_ack', id);
  }

  stop(id: string) {
    this.send({ id, type: 'stop' });
  }

  /** The next frame, `ka` frames skipped unless asked for. */
  async next({ keepAlives = false, timeoutMs = 5000 } = {}): Promise<Frame> {
    for (;;) {
      const frame = this.queue.shift() ?? (await this.wait(timeoutMs));
      if (frame.type !== 'ka' || keepAlives) return frame;
    }
  }

  /** The next frame, which must be of this type (and id): anything else fails the test with what came instead. */
  async expect(type: string, id?: string): Promise<Frame> {
    const frame = await this.next({ keepAlives: type === 'ka' });
    if (frame.type !== type || (id !== undefined && frame.id !== id)) {
      throw new Error(`expected ${type}${id ? ` for ${id}` : ''}, got ${JSON.stringify(frame)}`);
    }
    return frame;
  }

  /**
   * Proves that nothing was sent for a subscription before now: stops a probe
   * subscription (or an unknown id) and returns every frame before its `complete`.
   * The server answers frames in order, so whatever it had queued comes first.
   */
  async framesUntilSettled(): Promise<Frame[]> {
    const probe = `settle-${Math.random().toString(36).slice(2)}`;
    this.stop(probe);
    const frames: Frame[] = [];
    for (;;) {
      const frame = await this.next();
      if (frame.type === 'complete' && frame.id === probe) return frames;
      frames.push(frame);
    }
  }

  close() {
    this.socket.close();
  }

  private wait(timeoutMs: number): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(new Error(`no frame within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting = (frame) => {
        clearTimeout(timer);
        resolve(frame);
      };
    });
  }
}
