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
// and replaced, and the request gets AppSync's error shape. Nothing the stopped
// run did is seen: what it appended (logs, errors, extensions calls) is dropped,
// and the new run is handed ctx as copied before the first began (handed.ts: the
// shared parts copied again only after something wrote to them, what the handler is
// given of its own every time, so that a move never shows a half-done run); what the new run leaves in the
// stash, args and the other shared parts is what the next handler sees.
//
// Chosen over the alternatives: isolated-vm (a native module, a compiler on any
// machine without a prebuilt binary, and a hop per call anyway), a worker for
// every handler call or every request (the hops above on the hot path; the
// latter also moves GraphQL execution and every data source call), and node:vm's
// own `timeout` (it still holds the thread, and costs ~125 µs per call).
// One built-in call is not timed by the clock (it runs between calls), so the
// realm guards the ones whose result grows with an argument (fill, join,
// Array.from…: sandbox.ts): past a size they move the handler, or refuse it with
// OutOfMemory where even a worker could not hold it (V8 ends the whole process,
// not the worker, when one allocation fails after its last-resort collection); a
// handler whose heap grows past LARGE_HEAP_GROWTH moves at its next clock check;
// catastrophic regular expressions finish on V8's linear-time engine. Syntax that
// makes a value at once (a spread, a concatenation of two computed strings) and the
// built-ins that copy or print what they are given are measured the same way, one
// value at a time (compile.ts, sandbox.ts), and large values bring the heap check
// forward. Not covered: backtracking in expressions with backreferences.
import { plainInfo, type Context, type FieldRun } from '../context.ts';
import { runHandlerFor, type Outcome } from '../handler.ts';
import type { Invocation } from '../invocation.ts';
import { REFUSED_CALL, type CodeModule } from '../sandbox.ts';
import { OutOfMemory, ResolverError } from '../signals.ts';
import { handedOf, type Handed } from './handed.ts';
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
/**
 * `run`, the field's run ctx was made from: its handlers are handed the host's values, then the last
 * copy of the shared parts, while nothing wrote to them (handed.ts); without it, ctx's changeable parts are copied.
 */
export function runHandlerServed(module: CodeModule, handler: 'request' | 'response', ctx: Context, invocation: Invocation, run?: FieldRun): Outcome | Promise<Outcome> {
  const mark = markOf(invocation);
  const handed = module[handler] ? handedOf(module.realm, ctx, run) : undefined;
  const outcome = runHandlerFor(module, handler, ctx, invocation, { end: Date.now() + SLICE_MS, minTicks: SLICE_MIN_TICKS });
  if (outcome.kind !== 'sliceOver') return outcome;
  rollBack(invocation, mark);
  return runMoved(module, handler, ctx, handed, invocation);
}

async function runMoved(module: CodeModule, handler: 'request' | 'response', ctx: Context, handed: Handed | undefined, invocation: Invocation): Promise<Outcome> {
  // Copied as JSON below when the handed copy could not be made: never a value whose text would not fit a worker.
  if (!handed && module.realm.internals.printedSize(ctx) > REFUSED_CALL) return { kind: 'error', error: new OutOfMemory() };
  const answer = await runOnWorker({
    file: module.file,
    code: module.code,
    options: module.options,
    handler,
    ctx: plainContext(ctx, handed),
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
  // The parts every handler of the field shares, as the worker's run left them: refilled in place
  // (the stopped run's writes go with it), since the next handler is handed these very objects.
  const { toRealm } = module.realm.internals;
  const { shared } = answer;
  // Written by the host: the next handler's shared parts are copied anew (handed.ts).
  module.realm.clock.writes++;
  refill(ctx.arguments, toRealm(shared.arguments));
  refill(ctx.source, toRealm(shared.source));
  refill(ctx.identity, toRealm(shared.identity));
  refill(ctx.stash, toRealm(shared.stash));
  refill(ctx.request.headers, toRealm(shared.headers));
}

/** Makes `target` hold what `value` holds, when both are objects (a null source stays null). */
function refill(target: unknown, value: unknown) {
  if (typeof target !== 'object' || target === null || typeof value !== 'object' || value === null) return;
  const into = target as Record<string, unknown>;
  for (const key of Object.keys(into)) delete into[key];
  if (Array.isArray(into)) into.length = 0;
  Object.assign(into, value);
}

/** ctx as plain data, from what the handler was handed, info's selection set read out (the worker cannot call back for it). */
function plainContext(ctx: Context, handed: Handed | undefined): PlainContext {
  const parts = handed ?? { ...ctx, headers: ctx.request.headers, variables: (ctx.info as { variables?: unknown }).variables };
  const plain = {
    arguments: parts.arguments,
    source: parts.source,
    identity: parts.identity,
    stash: parts.stash,
    prev: parts.prev,
    ...('result' in ctx ? { result: parts.result } : {}),
    ...(ctx.error ? { error: parts.error } : {}),
    request: { headers: parts.headers, domainName: ctx.request.domainName },
    info: { ...plainInfo(ctx), variables: parts.variables },
    env: ctx.env,
  };
  return JSON.parse(JSON.stringify(plain)) as PlainContext;
}
