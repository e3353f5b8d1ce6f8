// The embedded dynalite engine on a worker thread of its own (entry: dynalite-worker.ts), behind the
// same DynamoDbEngine interface: the same store, answers and errors (each DynamoDbEngineError crosses
// with its AWS error type and message), on the machine's second core. Profiles of a vote put about half
// of the server's CPU in the store (dynalite's validations and expression parsing, LevelDB, JSON): in
// process, that work and the server's HTTP, GraphQL and resolver runtime took turns on one thread, and
// a burst of store work held every other request's event loop.
//
// It is the default for `dynalite` (engines.ts). The voting bench (README, Benchmarks) reads each
// process's CPU from /proc: the server's main thread spends 55–65 % less CPU per answer with the store
// here (single choice 5.4 → 2.0 ms, Q&A submit 1.5 → 0.6 ms), the whole process about the same; so with
// a core free, the main thread serves about twice the answers. On a saturated machine there is no core
// to gain and a second runnable thread competes with the first: under a load average of 10–19 neither
// way met the tail targets, and the threaded server's longest event-loop stalls were longer (below).
// `{ kind: 'dynalite', inProcess: true }` (serve --dynalite-in-process) keeps the store on the server's
// thread: one thread fewer, and one flame graph for a profile.
//
// Calls made in the same turn of the event loop go to the worker as one message, answers come back
// likewise: each message wakes the other thread once, and the voting bench's server sent 8.7 calls per
// message so (5.8 answers per message back), against 1.5 when flushed at the end of each microtask.
// An answer leaves the worker only once dynalite has answered, after LevelDB acknowledged a write
// (dynalite-persistence.ts), so exactly-once through a kill -9 holds as in process. If the thread dies, every call waiting on it and every later call
// rejects with InternalServerError saying so; close() closes the store, then ends the thread.
import { Worker } from 'node:worker_threads';
import { bundledWorkerSource } from '../workers/bundled-source.ts';
import { DYNALITE_UNSUPPORTED } from './dynalite.ts';
import type { Answer, FromStore, StoreWorkerData, ToStore } from './dynalite-worker.ts';
import { DynamoDbEngineError, type DynamoDbEngine } from './engine.ts';

const workerSource = () => bundledWorkerSource(new URL('./dynalite-worker.ts', import.meta.url));
/** How long close() lets the store close before ending the thread anyway. */
const CLOSE_GRACE_MS = 10_000;
/** Answers settled per turn of the event loop (the voting bench's 32 phones' worth). */
const ANSWERS_PER_TURN = 32;

const threads = new WeakMap<DynamoDbEngine, Worker>();
/** The thread an engine of startDynaliteThread runs on: for tests that end it as a crash would. */
export const storeThreadOf = (engine: DynamoDbEngine) => threads.get(engine);

type Waiting = { resolve: (value: never) => void; reject: (error: Error) => void };

export async function startDynaliteThread(options: StoreWorkerData): Promise<DynamoDbEngine> {
  const worker = new Worker(await workerSource(), { eval: true, workerData: options });
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  /** Why calls fail from now on: the thread stopped, or the engine was closed. */
  let stopped: string | null = null;
  let onClosed: (() => void) | null = null;

  const stop = (reason: string) => {
    stopped ??= reason;
    for (const { reject } of waiting.values()) reject(new DynamoDbEngineError('InternalServerError', stopped));
    waiting.clear();
    worker.unref();
  };

  // A saturated server gets answers back by the thousand in one message (1,142 in the steady-rate voting
  // bench), and their continuations in one go held its event loop for 4 s: they are taken a few at a time,
  // with the server's sockets and timers served in between.
  const settle = (answers: Answer[], from: number) => {
    const end = Math.min(answers.length, from + ANSWERS_PER_TURN);
    for (let i = from; i < end; i++) {
      const [id, value, error] = answers[i]!;
      const call = waiting.get(id);
      if (!call) continue;
      waiting.delete(id);
      if (error) call.reject(new DynamoDbEngineError(error.type, error.message, error.cancellationReasons));
      else call.resolve(value as never);
    }
    if (end < answers.length) setImmediate(() => settle(answers, end));
    else if (waiting.size === 0) worker.unref();
  };

  let started: { ready: () => void; failed: (error: Error) => void } | null = null;
  worker.on('message', (message: FromStore) => {
    if ('answers' in message) settle(message.answers, 0);
    else if ('closed' in message) onClosed?.();
    else if ('ready' in message) started?.ready();
    else started?.failed(new Error(`dynalite could not start: ${message.failed}`));
  });
  worker.on('error', (error) => {
    started?.failed(error);
    stop(`dynalite's thread failed: ${error.message}`);
  });
  worker.on('exit', (code) => {
    started?.failed(new Error(`dynalite's thread stopped while starting (exit code ${code})`));
    stop(`dynalite's thread stopped (exit code ${code})`);
    onClosed?.();
  });
  try {
    await new Promise<void>((ready, failed) => (started = { ready, failed }));
  } catch (error) {
    await worker.terminate();
    throw error;
  } finally {
    started = null;
  }
  // Idle, the thread does not keep the process alive (as the in-process store does not); a call in flight does.
  worker.unref();

  let outbox: [number, string, Record<string, unknown>][] = [];
  const send = (message: ToStore) => worker.postMessage(message);
  const flush = () => {
    if (outbox.length === 0) return;
    const calls = outbox;
    outbox = [];
    try {
      send({ calls });
    } catch (error) {
      // An input the thread cannot be sent (a function, a symbol): only that call fails.
      for (const call of calls) {
        try {
          send({ calls: [call] });
        } catch {
          waiting.get(call[0])?.reject(new DynamoDbEngineError('ValidationException', `${call[1]} input is not plain data: ${(error as Error).message}`));
          waiting.delete(call[0]);
        }
      }
    }
  };

  const engine: DynamoDbEngine = {
    name: 'dynalite',
    unsupported: DYNALITE_UNSUPPORTED,
    call(action, input) {
      if (stopped) return Promise.reject(new DynamoDbEngineError('InternalServerError', stopped));
      return new Promise((resolve, reject) => {
        const id = nextId++;
        if (waiting.size === 0) worker.ref();
        waiting.set(id, { resolve, reject });
        if (outbox.length === 0) setImmediate(flush);
        outbox.push([id, action, input]);
      });
    },
    async close() {
      if (stopped) return;
      if (outbox.length) flush();
      const closed = new Promise<void>((done) => (onClosed = done));
      const grace = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
      send({ close: true });
      await closed;
      clearTimeout(grace);
      stop('the dynalite engine is closed');
      await worker.terminate();
    },
  };
  threads.set(engine, worker);
  return engine;
}
