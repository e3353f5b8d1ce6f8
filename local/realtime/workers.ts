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
// How: the server's listening socket is shared with the workers (one handle each, at
// start), so a worker accepts connections itself, as the kernel gives them, with no
// main-process work and no round trip per socket: Node hands a socket over IPC only
// after the last one was acknowledged, so handing each upgrade's socket from here cost
// a round trip per socket, which a busy machine made milliseconds (10,000 sockets took
// 2.6 times as long to establish as in one process). A worker keeps a connection whose
// first bytes are a whole real-time handshake (socket-worker.js says exactly which)
// and hands any other back, with the bytes it read, to the server here, which serves
// it as if it had accepted it; connections this process accepts itself are served here,
// upgrades included, as with one process. A worker completes the handshake with `ws`
// and tells this process the request (URL, headers, address) for connection auth;
// each connection here gets a Transport whose frames go down to the worker. A publish
// does not build the workers' frames here: each worker is told which of its
// connections' subscriptions belong to which subscription group (join, leave), and a
// publish sends it one message per group, the group's body, from which the worker
// writes each of its subscribers' frames (only the id differs). What goes down one
// channel — frames, joins, leaves, publishes, closes — is gathered per turn of the
// event loop into ONE message, in order; one IPC channel is ordered, so a
// subscription's start_ack, data and complete keep their order, and each subscriber is
// joined on exactly one worker, the one owning its socket: exactly once. Frames coming
// up are gathered the same way. Per-server ports (cluster/SO_REUSEPORT) would have put
// whole connections, and so starts and resolvers, in other processes with their own
// store: not the same API.
//
// Not spread: TLS sockets (wss://) — a worker hands them back, and the TLS session
// stays in this process.
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { IncomingHttpHeaders } from 'node:http';
import type { Server, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Transport } from './connection.ts';

import type { FanoutChannel, RemoteSink } from './subscriptions.ts';

/** What goes down, four slots an operation, in one flat list (socket-worker.js reads it). */
const Op = { frame: 0, join: 1, leave: 2, publish: 3, close: 4 } as const;
/** What comes up, three slots an event: open, a frame (null: binary), closed. */
const Event = { open: 0, frame: 1, closed: 2 } as const;

/** What a worker tells of a handshake it completed: what connection auth reads. */
export type Handshake = { url?: string; headers: IncomingHttpHeaders; remoteAddress?: string };

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
  /** The process ended: its sockets with it. */
  gone = false;
  private ops: unknown[] = [];
  private scheduled = false;

  constructor(
    readonly child: ChildProcess,
    private readonly owner: SocketWorkers,
  ) {
    child.once('exit', () => owner.exited(this));
    child.on('message', (message: { e?: unknown[]; back?: string }, socket?: Socket) => {
      if (message.e) this.onMessage(message.e);
      else if (message.back !== undefined && socket) {
        owner.handedBack++;
        owner.takeBack?.(socket, Buffer.from(message.back, 'latin1'));
      }
    });
  }

  /** Sends `message` and resolves with the worker's answer, `reply` (listening, unlistened). */
  ask(message: object, handle: Server | undefined, reply: string): Promise<void> {
    if (!this.child.connected) return Promise.resolve();
    return new Promise((resolve) => {
      const onReply = (answer: Record<string, unknown>) => {
        if (!answer[reply]) return;
        this.child.off('message', onReply);
        this.child.off('exit', onExit);
        resolve();
      };
      const onExit = () => {
        this.child.off('message', onReply);
        resolve();
      };
      this.child.on('message', onReply);
      this.child.once('exit', onExit);
      this.child.send(message, handle);
    });
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
      const event = events[i];
      const id = events[i + 1] as number;
      if (event === Event.open) {
        const socket = new RemoteSocket(this, id);
        this.sockets.set(id, socket);
        this.owner.onSocket(socket, events[i + 2] as Handshake);
        continue;
      }
      const socket = this.sockets.get(id);
      if (!socket) continue;
      if (event === Event.frame) socket.emit('message', events[i + 2]);
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
  /** Where a connection a worker handed back goes: the server, as if it had accepted it (set by listen). */
  takeBack: ((socket: Socket, head: Buffer) => void) | undefined;
  /** Connections a worker accepted and handed back (for tests). */
  handedBack = 0;
  /** Called if every worker ended while the server still runs: someone must accept again. */
  private onNoneLeft: (() => void) | undefined;
  private stopping = false;

  /** `onSocket`: a worker completed a real-time handshake; the socket emits 'message' and 'close'. */
  constructor(
    count: number,
    readonly onSocket: (socket: RemoteSocket, handshake: Handshake) => void,
  ) {
    const script = fileURLToPath(new URL('./socket-worker.js', import.meta.url));
    this.workers = Array.from({ length: count }, () => {
      // JSON serialisation: a turn's operations are small now (no frames per subscriber), and Node 20's
      // 'advanced' one can stop reading a channel under a high message rate (nodejs/node#55834): the
      // fan-out bench hung establishing 2,000–10,000 sockets with it, now and then.
      return new Worker(fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] }), this);
    });
  }

  /**
   * Lets the workers accept on `listener` too; what they hand back is given to `takeBack`.
   * `idleMs`: how long a socket may stay silent before its first byte (the server's headers timeout).
   */
  async listen(listener: Server, takeBack: (socket: Socket, head: Buffer) => void, idleMs: number, onNoneLeft: () => void) {
    this.takeBack = takeBack;
    this.onNoneLeft = onNoneLeft;
    await Promise.all(this.workers.map((worker) => worker.ask({ listen: { idleMs } }, listener, 'listening')));
  }

  /** Whether any worker still runs. */
  get running() {
    return this.workers.some((worker) => !worker.gone);
  }

  /** A worker ended: its sockets are closed for the connections here; with none left, the server accepts again. */
  exited(worker: Worker) {
    worker.gone = true;
    for (const socket of worker.sockets.values()) {
      socket.closed = true;
      socket.emit('close');
    }
    worker.sockets.clear();
    if (!this.stopping && !this.running) this.onNoneLeft?.();
  }

  /** The workers stop accepting (before the server closes its own listening socket). */
  async unlisten() {
    this.stopping = true;
    await Promise.all(this.workers.map((worker) => worker.ask({ unlisten: true }, undefined, 'unlistened')));
  }

  get processIds() {
    return this.workers.map(({ child }) => child.pid!);
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
   * Ends the workers, once the HTTP server has closed: a server whose connections crossed
   * between processes asks the other process, when closing, whether they are all closed,
   * and a process gone before the question leaves server.close() waiting for ever (Node's net.Server).
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
  }
}
