// A runaway handler costs only its own request.
//
// Resolver code runs in the server's thread, in its realm (sandbox.ts): a handler
// call costs well under a microsecond there, and any move to another thread
// costs tens (a message each way, the context copied), on every call of every
// request. So every handler starts there, with a slice of SLICE_MS (and of
// SLICE_MIN_TICKS rounds): the clock compiled into its loops and function
// entries stops it when the slice is over. Almost none ever gets near it. One that does is a runaway, or close to one: it
// is run again from its start on a worker thread (pool.ts), with the request's
// remaining time, under a heap limit, while the server's thread serves every
// other client; a worker that exceeds its heap or its deadline is terminated
// and replaced, and the request gets AppSync's error shape. What the stopped run
// appended (logs, errors, extensions calls) is dropped; what it wrote to
// ctx.stash or other parts of ctx stays for the new run to see (copying the
// stash before every handler would cost every request, for the rare runaway).
//
// Chosen over the alternatives: isolated-vm (a native module, a compiler on any
// machine without a prebuilt binary, and a hop per call anyway), a worker for
// every handler call or every request (the hops above on the hot path; the
// latter also moves GraphQL execution and every data source call), and node:vm's
// own `timeout` (it still holds the thread, and costs ~125 µs per call).
// Not covered: one built-in call that itself runs for long or allocates
// gigabytes (`Array(1e9).fill(0)`) holds the server's thread, since the clock
// runs between calls, not inside one (node:vm's `timeout` would stop it, at the
// per-call price above).
import { plainInfo, type Context } from '../context.ts';
import { runHandlerFor, type Outcome } from '../handler.ts';
import type { Invocation } from '../invocation.ts';
import type { CodeModule } from '../sandbox.ts';
import { ResolverError } from '../signals.ts';
import { runOnWorker } from './pool.ts';
import type { JobAnswer, PlainContext } from './protocol.ts';

/** How long a handler may compute in the server's thread before it moves to a worker… */
export const SLICE_MS = 50;
/**
 * …once it has also run this many loop rounds and function calls: on a busy
 * machine the clock alone would move handlers that were merely descheduled (a
 * HandsUp handler ticks a few hundred times; a runaway, millions a second).
 */
export const SLICE_MIN_TICKS = 100_000;

/**
 * Runs a handler: in the server's thread, or, past its slice, on a worker thread.
 * Synchronous unless it moved: a promise only then, so the data source calls of
 * a list's items still start in one tick (Lambda's BatchInvoke groups them so).
 */
export function runHandlerServed(module: CodeModule, handler: 'request' | 'response', ctx: Context, invocation: Invocation): Outcome | Promise<Outcome> {
  const mark = markOf(invocation);
  const outcome = runHandlerFor(module, handler, ctx, invocation, { end: Date.now() + SLICE_MS, minTicks: SLICE_MIN_TICKS });
  if (outcome.kind !== 'sliceOver') return outcome;
  rollBack(invocation, mark);
  return runMoved(module, handler, ctx, invocation);
}

async function runMoved(module: CodeModule, handler: 'request' | 'response', ctx: Context, invocation: Invocation): Promise<Outcome> {
  const answer = await runOnWorker({
    file: module.file,
    code: module.code,
    options: module.options,
    handler,
    ctx: plainContext(ctx),
    typeName: invocation.typeName,
    fieldName: invocation.fieldName,
    authType: invocation.authType,
    deadline: invocation.deadline,
  });
  if ('failure' in answer) return { kind: 'error', error: answer.failure };
  merge(module, ctx, invocation, answer);
  const result = answer.outcome;
  if (result.kind === 'error') return { kind: 'error', error: new ResolverError(result.message, result.errorType, result.data ?? null, result.errorInfo ?? null) };
  if (result.kind === 'early') return { kind: 'early', value: result.value ?? null, skipTo: result.skipTo };
  return { kind: 'value', value: result.value };
}

type Mark = { logs: number; errors: number; invalidations: number; evictions: number; filter: unknown; invalidationFilter: unknown };

function markOf(invocation: Invocation): Mark {
  const { extensions } = invocation;
  return {
    logs: invocation.logs.length,
    errors: invocation.errors.length,
    invalidations: extensions.invalidations.length,
    evictions: extensions.cacheEvictions.length,
    filter: extensions.subscriptionFilter,
    invalidationFilter: extensions.subscriptionInvalidationFilter,
  };
}

function rollBack(invocation: Invocation, mark: Mark) {
  invocation.logs.length = mark.logs;
  invocation.errors.length = mark.errors;
  invocation.extensions.invalidations.length = mark.invalidations;
  invocation.extensions.cacheEvictions.length = mark.evictions;
  invocation.extensions.subscriptionFilter = mark.filter;
  invocation.extensions.subscriptionInvalidationFilter = mark.invalidationFilter;
}

function merge(module: CodeModule, ctx: Context, invocation: Invocation, answer: JobAnswer) {
  invocation.logs.push(...answer.logs);
  invocation.errors.push(...answer.errors);
  const { extensions } = answer;
  if (extensions.subscriptionFilter !== undefined) invocation.extensions.subscriptionFilter = extensions.subscriptionFilter;
  if (extensions.subscriptionInvalidationFilter !== undefined) invocation.extensions.subscriptionInvalidationFilter = extensions.subscriptionInvalidationFilter;
  invocation.extensions.invalidations.push(...extensions.invalidations);
  invocation.extensions.cacheEvictions.push(...extensions.cacheEvictions);
  Object.assign(invocation.responseHeaders, answer.responseHeaders);
  // The stash is the realm's object every handler of the field shares: refilled in place.
  for (const key of Object.keys(ctx.stash)) delete ctx.stash[key];
  Object.assign(ctx.stash, module.realm.internals.toRealm(answer.stash));
}

/** ctx as plain data, info's selection set read out (the worker cannot call back for it). */
function plainContext(ctx: Context): PlainContext {
  const plain = {
    arguments: ctx.arguments,
    source: ctx.source,
    identity: ctx.identity,
    stash: ctx.stash,
    prev: ctx.prev,
    ...('result' in ctx ? { result: ctx.result } : {}),
    ...(ctx.error ? { error: ctx.error } : {}),
    request: ctx.request,
    info: plainInfo(ctx),
    env: ctx.env,
  };
  return JSON.parse(JSON.stringify(plain)) as PlainContext;
}
