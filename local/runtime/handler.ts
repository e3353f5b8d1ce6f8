// Calls one handler (request or response) of a compiled module and tells what
// came of it: a value, an early return, or a field error.
import type { Context } from './context.ts';
import { enterInvocation, type Invocation } from './invocation.ts';
import { callerPosition, handlersFor, type CodeModule } from './sandbox.ts';
import { EarlyReturn, ResolverError, SliceOver, type Signal, type SkipTo } from './signals.ts';

export type Outcome =
  | { kind: 'value'; value: unknown }
  | { kind: 'early'; value: unknown; skipTo: SkipTo | undefined }
  | { kind: 'error'; error: ResolverError };

/**
 * Runs a handler to its end (or the request's deadline). `heapLimit`: the heap it may
 * grow by before it fails with OutOfMemory, where no V8 limit of a worker stops it first.
 */
export function runHandler(module: CodeModule, handler: 'request' | 'response', ctx: Context, invocation: Invocation, heapLimit = Infinity): Outcome {
  return runHandlerFor(module, handler, ctx, invocation, heapLimit === Infinity ? NO_SLICE : { ...NO_SLICE, heapLimit }) as Outcome;
}

export type Slice = { end: number; minTicks: number; heapLimit?: number };
const NO_SLICE: Slice = { end: Infinity, minTicks: Infinity };

/**
 * Runs a handler, stopping it when it is still computing at `slice.end`
 * (Date.now()) after at least `slice.minTicks` loop rounds and calls: then the
 * outcome is `sliceOver`.
 */
export function runHandlerFor(module: CodeModule, handler: 'request' | 'response', ctx: Context, invocation: Invocation, slice: Slice): Outcome | { kind: 'sliceOver' } {
  if (!module[handler]) {
    // Validation requires both handlers; code loaded without it passes the value through.
    return { kind: 'value', value: handler === 'request' ? (ctx.prev.result ?? {}) : ctx.result };
  }
  const { realm } = module;
  realm.clock.deadline = invocation.deadline;
  realm.clock.sliceEnd = slice.end;
  realm.clock.sliceMinTicks = slice.minTicks;
  realm.clock.ticks = 0;
  realm.clock.made = 0;
  realm.clock.burst = 0;
  realm.clock.heapBase = 0;
  realm.clock.heapLimit = slice.heapLimit ?? Infinity;
  invocation.signal = undefined;
  // Not withInvocation: a closure per handler call.
  const previous = enterInvocation(invocation);
  try {
    // The module as evaluated for this request (module-level state lasts one request).
    const fn = handlersFor(module, invocation.request ?? invocation)[handler];
    if (typeof fn !== 'function') throw new TypeError(`${handler} is not a function`);
    return { kind: 'value', value: realm.internals.returned(fn(ctx)) };
  } catch (thrown) {
    const signal = thrown === realm.internals.signal ? takeSignal(invocation) : undefined;
    if (signal) {
      if (signal instanceof SliceOver) return { kind: 'sliceOver' };
      if (signal instanceof EarlyReturn) return { kind: 'early', value: signal.value, skipTo: signal.skipTo };
      return { kind: 'error', error: signal };
    }
    return { kind: 'error', error: codeError(module, thrown) };
  } finally {
    enterInvocation(previous);
  }
}

function takeSignal(invocation: Invocation): Signal | undefined {
  const signal = invocation.signal;
  invocation.signal = undefined;
  return signal;
}

/**
 * A runtime exception (a TypeError, say) becomes the field's error, its message
 * prefixed with where it happened, as EvaluateCode shows it (`code.js:3:12: …`).
 * Here the place is in the TypeScript source when the bundle has a source map.
 */
export function codeError(module: CodeModule, thrown: unknown): ResolverError {
  // Realm errors are not instances of the host's Error: read them by shape.
  const error = typeof thrown === 'object' && thrown !== null ? (thrown as { message?: unknown; stack?: unknown }) : undefined;
  const message = error && 'message' in error ? String(error.message) : String(thrown);
  const stack = error && typeof error.stack === 'string' ? error.stack : undefined;
  const where = callerPosition(module.realm, stack);
  return new ResolverError(`${where ? `${where.file}:${where.line}:${where.column}: ` : ''}${message}`, 'Code');
}
