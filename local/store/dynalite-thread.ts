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
// (dynalite-persistence.ts), so exactly-once through a kill -9 holds as in process. If the thread dies, the
// calls it was given fail once with InternalServerError and a store on disk opens again on a new thread
// (died, below); close() closes the store, then ends the thread.
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

const threads = new WeakMap<DynamoDbEngine, () => Worker | null>();
/** The thread an engine of startDynaliteThread runs on now (none while a successor starts): for tests that end it as a crash would. */
export const storeThreadOf = (engine: DynamoDbEngine) => threads.get(engine)?.() ?? undefined;

type Call = [number, string, Record<string, unknown>];
/** A call's promise; `sent` once it went to a thread (only those fail when that thread dies). */
type Waiting = { resolve: (value: never) => void; reject: (error: Error) => void; sent: boolean };

export async function startDynaliteThread(options: StoreWorkerData): Promise<DynamoDbEngine> {
  const source = await workerSource();
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let outbox: Call[] = [];
  /** The running thread; null while a dead one's successor starts. */
  let worker: Worker | null = null;
  let restarting: Promise<void> | null = null;
  /** Why calls fail from now on: the thread stopped for good, or the engine was closed. */
  let stopped: string | null = null;
  let closing = false;
  let onClosed: (() => void) | null = null;

  const fail = (call: Waiting, reason: string) => call.reject(new DynamoDbEngineError('InternalServerError', reason));

  // Answers as they came, settled in order a few per turn by one drain. A saturated server gets them by the
  // thousand in one message (1,142 in the steady-rate voting bench), and their continuations in one go held
  // its event loop for 4 s: taken a few at a time, the server's sockets and timers are served in between.
  // One queue, so that many messages in one turn still settle ANSWERS_PER_TURN, not that many per message.
  const received: Answer[][] = [];
  let next = 0;
  let draining = false;
  const settle = ([id, value, error]: Answer) => {
    const call = waiting.get(id);
    if (!call) return;
    waiting.delete(id);
    if (error) call.reject(new DynamoDbEngineError(error.type, error.message, error.cancellationReasons));
    else call.resolve(value as never);
  };
  const take = (count: number) => {
    while (count > 0 && received.length > 0) {
      const answers = received[0]!;
      const end = Math.min(answers.length, next + count);
      count -= end - next;
      while (next < end) settle(answers[next++]!);
      if (next === answers.length) {
        received.shift();
        next = 0;
      }
    }
  };
  const drain = () => {
    take(ANSWERS_PER_TURN);
    if (received.length > 0) return void setImmediate(drain);
    draining = false;
    if (waiting.size === 0) worker?.unref();
  };

  /** Starts a thread; resolves once its store is open. */
  const open = () =>
    new Promise<Worker>((ready, failed) => {
      const thread = new Worker(source, { eval: true, workerData: options });
      let started = false;
      let error: Error | undefined;
      thread.on('message', (message: FromStore) => {
        if ('answers' in message) {
          received.push(message.answers);
          if (!draining) {
            draining = true;
            setImmediate(drain);
          }
        } else if ('closed' in message) onClosed?.();
        else if ('ready' in message) {
          started = true;
          ready(thread);
        } else {
          void thread.terminate();
          failed(new Error(`dynalite could not start: ${message.failed}`));
        }
      });
      thread.on('error', (thrown) => (error ??= thrown));
      thread.on('exit', (code) => {
        if (!started) failed(error ?? new Error(`dynalite's thread stopped while starting (exit code ${code})`));
        else died(thread, error ? `dynalite's thread failed: ${error.message}` : `dynalite's thread stopped (exit code ${code})`);
      });
    });

  // A thread that dies takes the calls it was given with it: each fails once, as AppSync answers a data
  // source's internal error (whether a write in it was done is unknown, as with DynamoDB's 500). Answers
  // that came before the death stand. A store on disk is then opened again on a new thread, with what LevelDB
  // acknowledged; calls made meanwhile wait for it. A store in memory died with its thread: nothing to reopen.
  const died = (thread: Worker, reason: string) => {
    if (thread !== worker) return;
    worker = null;
    take(Infinity);
    for (const [id, call] of waiting) {
      if (!call.sent) continue;
      waiting.delete(id);
      fail(call, reason);
    }
    if (closing) return onClosed?.();
    if (!options.path) return stop(`${reason}; its tables were in memory and are lost`);
    restarting = open().then(
      (thread) => {
        restarting = null;
        worker = thread;
        if (closing) return;
        if (waiting.size === 0) thread.unref();
        flush();
      },
      (error: Error) => {
        restarting = null;
        stop(`${reason}, and could not start again: ${error.message}`);
      },
    );
  };

  const stop = (reason: string) => {
    stopped ??= reason;
    outbox = [];
    for (const call of waiting.values()) fail(call, stopped);
    waiting.clear();
    worker?.unref();
  };

  worker = await open();
  // Idle, the thread does not keep the process alive (as the in-process store does not); a call in flight does.
  worker.unref();

  const send = (message: ToStore) => worker!.postMessage(message);
  const flush = () => {
    if (outbox.length === 0 || !worker) return;
    const calls = outbox;
    outbox = [];
    for (const [id] of calls) waiting.get(id)!.sent = true;
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
        if (waiting.size === 0) worker?.ref();
        waiting.set(id, { resolve, reject, sent: false });
        if (outbox.length === 0) setImmediate(flush);
        outbox.push([id, action, input]);
      });
    },
    async close() {
      if (stopped || closing) return;
      closing = true;
      await restarting;
      const thread = worker;
      if (thread) {
        flush();
        const closed = new Promise<void>((done) => (onClosed = done));
        const grace = setTimeout(() => void thread.terminate(), CLOSE_GRACE_MS);
        send({ close: true });
        await closed;
        clearTimeout(grace);
      }
      stop('the dynalite engine is closed');
      await thread?.terminate();
    },
  };
  threads.set(engine, () => worker);
  return engine;
}
