// Worker threads for handlers that outgrew their slice of the server's thread
// (index.ts). Each runs one handler at a time under V8 resource limits; one that
// runs out of memory, or past the request's deadline without answering, is
// terminated and replaced, and only its own handler fails.
import { Worker } from 'node:worker_threads';
import { bundledWorkerSource } from '../../workers/bundled-source.ts';
import { ExecutionTimeout, OutOfMemory, ResolverError } from '../signals.ts';

export { OutOfMemory };
import type { Job, JobAnswer } from './protocol.ts';

/** Threads at most (a runaway holds one until its deadline); further runaways wait for one. */
const MAX_WORKERS = 4;
/** A worker's heap. A Lambda function's default is 128 MB; AppSync documents none for resolver code. */
export const WORKER_HEAP_MB = 256;
/** The worker stops its own handler at the deadline; this much later it is terminated instead (a builtin call that never returns). */
const DEADLINE_GRACE_MS = 1000;


const workerSource = () => bundledWorkerSource(new URL('./worker.ts', import.meta.url));

const idle: Worker[] = [];
const waiting: ((worker: Worker) => void)[] = [];
let started = 0;

async function take(): Promise<Worker> {
  const worker = idle.pop();
  if (worker) return worker;
  if (started < MAX_WORKERS) {
    started++;
    const fresh = new Worker(await workerSource(), { eval: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 } });
    fresh.unref();
    return fresh;
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function give(worker: Worker) {
  const next = waiting.shift();
  if (next) next(worker);
  else idle.push(worker);
}

function retire(worker: Worker) {
  void worker.terminate();
  started--;
  const next = waiting.shift();
  if (next) void take().then(next);
}

/** Runs a job on a worker: its answer, or the error that ended it (out of memory, past its deadline). */
export async function runOnWorker(job: Job): Promise<JobAnswer | { failure: ResolverError }> {
  const worker = await take();
  return new Promise((resolve) => {
    const finish = (answer: JobAnswer | { failure: ResolverError }, healthy: boolean) => {
      clearTimeout(timer);
      worker.removeAllListeners('message').removeAllListeners('error').removeAllListeners('exit');
      if (healthy) give(worker);
      else retire(worker);
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ failure: new ExecutionTimeout() }, false), Math.max(0, job.deadline - Date.now()) + DEADLINE_GRACE_MS);
    worker.once('message', (answer: JobAnswer) => finish(answer, true));
    worker.once('error', (error: Error & { code?: string }) =>
      finish({ failure: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new OutOfMemory() : new ResolverError(error.message, 'Code') }, false),
    );
    worker.once('exit', () => finish({ failure: new OutOfMemory() }, false));
    worker.postMessage(job);
  });
}
