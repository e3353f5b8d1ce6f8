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
// worker passes each frame up; each connection here gets a Transport whose frames go
// down to the worker. A publish does not build the workers' frames here: each worker
// is told which of its connections' subscriptions belong to which subscription group
// (join, leave), and a publish sends it one message per group, the group's body, from
// which the worker writes each of its subscribers' frames (only the id differs). What
// goes down one channel — frames, joins, leaves, publishes, closes — is gathered per
// turn of the event loop into ONE message, in order; one IPC channel is ordered, so a
// subscription's start_ack, data and complete keep their order, and each subscriber is
// joined on exactly one worker, the one owning its socket: exactly once. Frames coming
// up are gathered the same way. Per-server ports (cluster/SO_REUSEPORT) would have put
// whole connections, and so starts and resolvers, in other processes with their own
// store: not the same API.
//
// Not spread: TLS sockets (wss://) — the TLS session cannot cross processes, so those
// stay in this process.
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Transport } from './connection.ts';

import type { FanoutChannel, RemoteSink } from './subscriptions.ts';

/** What goes down, four slots an operation, in one flat list (socket-worker.js reads it). */
const Op = { frame: 0, join: 1, leave: 2, publish: 3, close: 4 } as const;
/** What comes up, three slots an event: open, a frame (null: binary), closed. */
const Event = { open: 0, frame: 1, closed: 2 } as const;

/** A socket owned by a worker, as the main process sees it: its frames and its end. */
export class RemoteSocket extends EventEmitter {
  readonly transport: Transport;
  closed = false;

  constructor(
    private readonly worker: Worker,
    readonly id: number,
  ) {
    super();
    const remote: RemoteSink = { channel: worker, connection: id };
    this.transport = {
      send: (text) => worker.push(Op.frame, id, text),
      close: (code, reason) => worker.push(Op.close, id, code, reason),
      remote,
    };
  }

  terminate() {
    this.worker.push(Op.close, this.id, null);
  }
}

/** One worker process and the channel to it. */
class Worker implements FanoutChannel {
  readonly sockets = new Map<number, RemoteSocket>();
  private ops: unknown[] = [];
  private scheduled = false;

  constructor(readonly child: ChildProcess) {
    child.on('message', (message: { e: unknown[] }) => this.onMessage(message.e));
  }

  join(group: number, connection: number, idJson: string) {
    this.push(Op.join, group, connection, idJson);
  }

  leave(group: number, connection: number, idJson: string) {
    this.push(Op.leave, group, connection, idJson);
  }

  publish(group: number, body: string) {
    this.push(Op.publish, group, body);
  }

  push(op: number, a: unknown, b: unknown, c?: unknown) {
    this.ops.push(op, a, b, c);
    if (this.scheduled) return;
    this.scheduled = true;
    // After this turn's I/O callbacks: a burst of starts' acks, or a publish and its HTTP answer, cross as one message.
    setImmediate(() => this.flush());
  }

  /** Sends what this turn gathered, in order, as one message. */
  private flush() {
    this.scheduled = false;
    const ops = this.ops;
    this.ops = [];
    if (ops.length && this.child.connected) this.child.send({ o: ops });
  }

  private onMessage(events: unknown[]) {
    for (let i = 0; i < events.length; i += 3) {
      const socket = this.sockets.get(events[i + 1] as number);
      if (!socket) continue;
      const event = events[i];
      if (event === Event.open) socket.emit('open');
      else if (event === Event.frame) socket.emit('message', events[i + 2]);
      else {
        this.sockets.delete(socket.id);
        socket.closed = true;
        socket.emit('close');
      }
    }
  }
}

export class SocketWorkers {
  private readonly workers: Worker[];
  private nextId = 1;
  private next = 0;

  constructor(count: number) {
    const script = fileURLToPath(new URL('./socket-worker.js', import.meta.url));
    this.workers = Array.from({ length: count }, () => {
      // JSON serialisation: a turn's operations are small now (no frames per subscriber), and Node 20's
      // 'advanced' one can stop reading a channel under a high message rate (nodejs/node#55834): the
      // fan-out bench hung establishing 2,000–10,000 sockets with it, now and then.
      return new Worker(fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] }));
    });
  }

  /** Hands an upgrade request's socket to the next worker; the returned socket emits 'open', 'message' and 'close'. */
  adopt(request: IncomingMessage, socket: Socket, head: Buffer): RemoteSocket {
    const worker = this.workers[this.next++ % this.workers.length]!;
    const remote = new RemoteSocket(worker, this.nextId++);
    worker.sockets.set(remote.id, remote);
    const { method, url, headers } = request;
    // A handle crosses in a message of its own: sent at once, it comes before any operation on its connection.
    worker.child.send({ adopt: { c: remote.id, method, url, headers, head } }, socket);
    return remote;
  }

  get perWorker() {
    return this.workers.map((worker) => worker.sockets.size);
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
