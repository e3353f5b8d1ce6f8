// Fan-out on more than one core (`realtimeWorkers: n`, n ≥ 2): the sockets live in n
// child processes (socket-worker.js), everything AppSync means stays here.
//
// Why this split: a publish to 10,000 subscribers costs one socket write each, and on
// this machine those writes alone (the bare `ws` floor) take longer than the target; so
// the writes, and the reads, must happen on more than one core. What must NOT be spread
// is the meaning: connection auth, each start's auth and resolver (which reads the
// store), the registry, enhanced and invalidation filters, invalidation. Kept in this
// one process they keep their semantics as they are, tested by test/realtime/, and a
// publish is matched once, where the subscriptions live.
//
// How: the HTTP upgrade request arrives here; its raw TCP socket (before any WebSocket
// byte is written) is handed to a worker over IPC (child_process handle passing;
// worker_threads cannot take a socket), which completes the handshake with `ws`. The
// worker passes each frame up; each connection here gets a Transport whose frames are
// gathered per tick and sent down as ONE message per worker. One IPC channel per
// worker is ordered, so per-subscription order holds, and each frame is sent down
// once, to the one worker owning its socket: exactly once. Per-server ports
// (cluster/SO_REUSEPORT) would have put whole connections, and so starts and
// resolvers, in other processes with their own store: not the same API.
//
// Not spread: TLS sockets (wss://) — the TLS session cannot cross processes, so those
// stay in this process.
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Transport } from './connection.ts';

type FromWorker = { t: 'open'; c: number } | { t: 'frame'; c: number; text: string | null } | { t: 'closed'; c: number };

/** A socket owned by a worker, as the main process sees it: its frames and its end. */
export class RemoteSocket extends EventEmitter {
  readonly transport: Transport;
  closed = false;

  constructor(
    private readonly pool: SocketWorkers,
    private readonly worker: Worker,
    readonly id: number,
  ) {
    super();
    this.transport = {
      send: (text) => this.pool.queue(this.worker, this.id, text),
      close: (code, reason) => {
        this.pool.flush(this.worker);
        this.worker.child.send({ t: 'close', c: this.id, code, reason });
      },
    };
  }

  terminate() {
    this.pool.flush(this.worker);
    this.worker.child.send({ t: 'close', c: this.id, terminate: true });
  }
}

type Worker = { child: ChildProcess; ids: number[]; texts: string[]; scheduled: boolean; sockets: Map<number, RemoteSocket> };

export class SocketWorkers {
  private readonly workers: Worker[];
  private nextId = 1;
  private next = 0;

  constructor(count: number) {
    const script = fileURLToPath(new URL('./socket-worker.js', import.meta.url));
    this.workers = Array.from({ length: count }, () => {
      // 'advanced' serialisation: a tick's thousands of frames cross as a structured clone, not JSON.
      const child = fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
      const worker: Worker = { child, ids: [], texts: [], scheduled: false, sockets: new Map() };
      child.on('message', (message: FromWorker) => this.onMessage(worker, message));
      return worker;
    });
  }

  /** Hands an upgrade request's socket to the next worker; the returned socket emits 'open', 'message' and 'close'. */
  adopt(request: IncomingMessage, socket: Socket, head: Buffer): RemoteSocket {
    const worker = this.workers[this.next++ % this.workers.length]!;
    const remote = new RemoteSocket(this, worker, this.nextId++);
    worker.sockets.set(remote.id, remote);
    const { method, url, headers } = request;
    worker.child.send({ t: 'adopt', c: remote.id, method, url, headers, head }, socket);
    return remote;
  }

  queue(worker: Worker, id: number, text: string) {
    worker.ids.push(id);
    worker.texts.push(text);
    if (worker.scheduled) return;
    worker.scheduled = true;
    process.nextTick(() => this.flush(worker));
  }

  /** Sends what this tick gathered for one worker, in order, as one message. */
  flush(worker: Worker) {
    worker.scheduled = false;
    if (!worker.ids.length) return;
    const message = { t: 'out', c: worker.ids, x: worker.texts };
    worker.ids = [];
    worker.texts = [];
    if (worker.child.connected) worker.child.send(message);
  }

  get perWorker() {
    return this.workers.map((worker) => worker.sockets.size);
  }

  private onMessage(worker: Worker, message: FromWorker) {
    const socket = worker.sockets.get(message.c);
    if (!socket) return;
    if (message.t === 'open') socket.emit('open');
    else if (message.t === 'frame') socket.emit('message', message.text);
    else {
      worker.sockets.delete(message.c);
      socket.closed = true;
      socket.emit('close');
    }
  }

  /** Ends every socket the workers own; resolves once each worker has said it closed. */
  async closeSockets() {
    const closing = this.workers.flatMap((worker) =>
      [...worker.sockets.values()].map((socket) => {
        const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
        socket.terminate();
        return closed;
      }),
    );
    await Promise.all(closing);
  }

  /**
   * Ends the workers. Only after the HTTP server has closed: a server that handed sockets
   * to a child asks that child, when closing, whether they are all closed, and a child
   * gone before the question leaves server.close() waiting for ever (Node's net.Server).
   */
  async stop() {
    await Promise.all(
      this.workers.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill();
          }),
      ),
    );
    for (const worker of this.workers) for (const socket of worker.sockets.values()) socket.emit('close');
  }
}
