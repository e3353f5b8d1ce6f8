// Validation of large documents on a worker thread (query-limits.ts says why and
// from what size): the server's thread goes on serving every other client while
// it runs. One worker, one document at a time (large documents wait for each
// other, never for the rest); one that dies (out of its heap) is replaced, and
// the documents it held are answered with an error.
import { Worker } from 'node:worker_threads';
import { bundledWorkerSource } from '../workers/bundled-source.ts';
import { GraphQLError, printSchema, Source, type GraphQLSchema } from 'graphql';
import type { ValidationAnswer, ValidationJob } from './validation-worker.ts';

/** The worker's heap: a 15,000-token document and its validation hold a few tens of MB. */
const WORKER_HEAP_MB = 256;

const workerSource = () => bundledWorkerSource(new URL('./validation-worker.ts', import.meta.url));

type Pending = { query: string; resolve: (errors: readonly GraphQLError[]) => void };

let worker: Promise<Worker> | undefined;
const pending = new Map<number, Pending>();
let nextId = 0;
const printed = new WeakMap<GraphQLSchema, string>();

function started(): Promise<Worker> {
  worker ??= workerSource().then((code) => {
    const fresh = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    fresh.on('message', ({ id, errors }: ValidationAnswer) => {
      const job = pending.get(id);
      if (!job) return;
      pending.delete(id);
      const text = new Source(job.query);
      job.resolve(errors.map(({ message, positions }) => new GraphQLError(message, { source: positions ? text : undefined, positions })));
    });
    const fail = (why: string) => {
      worker = undefined;
      for (const [id, job] of pending) {
        pending.delete(id);
        job.resolve([new GraphQLError(`The query could not be validated: ${why}.`)]);
      }
    };
    fresh.once('error', (error: Error & { code?: string }) => fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it needs more memory than a query may' : error.message));
    fresh.once('exit', () => fail('the validating thread stopped'));
    // After the listeners: adding a 'message' listener holds the process open again.
    fresh.unref();
    return fresh;
  });
  return worker;
}

/** The validation errors of `query` against `schema` (none: valid), found on the worker thread. */
export async function validateApart(schema: GraphQLSchema, query: string): Promise<readonly GraphQLError[]> {
  let sdl = printed.get(schema);
  if (sdl === undefined) printed.set(schema, (sdl = printSchema(schema)));
  const thread = await started();
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { query, resolve });
    const job: ValidationJob = { id, sdl, query };
    thread.postMessage(job);
  });
}
