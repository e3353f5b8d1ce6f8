// The worker thread's side of the threaded dynalite engine (dynalite-thread.ts): the embedded engine
// (dynalite.ts, with its read cache and group commit) runs here, on a thread of its own. It takes
// calls in batches, and answers each only once dynalite has answered it — for a write, once LevelDB
// has acknowledged it — so what a caller is told survives a kill -9 exactly as in process. Answers
// finishing in the same turn of this thread's loop go back as one message.
import { parentPort, workerData } from 'node:worker_threads';
import { startDynalite } from './dynalite.ts';
import { DynamoDbEngineError } from './engine.ts';

/** What the thread is started with. */
export type StoreWorkerData = { path: string | null; asShipped?: boolean };
/** To the worker: calls as [id, action, input], or the order to close the store. */
export type ToStore = { calls: [number, string, Record<string, unknown>][] } | { close: true };
/** An answer: [id, answer] or [id, undefined, error]. */
export type Answer = [number, unknown] | [number, undefined, { type: string; message: string; cancellationReasons?: unknown[] }];
/** From the worker: the store opened or failed to, answers, or the store closed. */
export type FromStore = { ready: true } | { failed: string } | { answers: Answer[] } | { closed: true };

const port = parentPort!;
const post = (message: FromStore) => port.postMessage(message);

let outbox: Answer[] = [];
const flush = () => {
  if (outbox.length === 0) return;
  const answers = outbox;
  outbox = [];
  post({ answers });
};
const answer = (entry: Answer) => {
  if (outbox.length === 0) setImmediate(flush);
  outbox.push(entry);
};

// (No top-level await: the entry is bundled as CommonJS, see local/workers/bundled-source.ts.)
startDynalite({ ...(workerData as StoreWorkerData), syncReads: true }).then((engine) => {
  port.on('message', (message: ToStore) => {
    if ('close' in message) {
      void engine.close().then(() => {
        flush();
        post({ closed: true });
      });
      return;
    }
    for (const [id, action, input] of message.calls) {
      engine.call(action, input).then(
        (value) => answer([id, value]),
        (error: Error) => {
          const { type, message, cancellationReasons } =
            error instanceof DynamoDbEngineError ? error : new DynamoDbEngineError('InternalServerError', `dynalite: ${error.message}`);
          answer([id, undefined, cancellationReasons ? { type, message, cancellationReasons } : { type, message }]);
        },
      );
    }
  });
  post({ ready: true });
}, (error: Error) => post({ failed: error.message }));
