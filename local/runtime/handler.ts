// Calls one handler (request or response) of a compiled module and tells what
// came of it: a value, an early return, or a field error.
import type { Context } from './context.ts';
import { withInvocation, type Invocation } from './invocation.ts';
import type { CodeModule } from './sandbox.ts';
import { EarlyReturn, ResolverError, type SkipTo } from './signals.ts';

export type Outcome =
  | { kind: 'value'; value: unknown }
  | { kind: 'early'; value: unknown; skipTo: SkipTo | undefined }
  | { kind: 'error'; error: ResolverError };

export function runHandler(
  module: CodeModule,
  handler: 'request' | 'response',
  ctx: Context,
  invocation: Invocation,
): Outcome {
  const fn = module[handler];
  if (!fn) {
    // A missing handler passes the value through, as an empty one would.
    return { kind: 'value', value: handler === 'request' ? (ctx.prev.result ?? {}) : ctx.result };
  }
  try {
    return { kind: 'value', value: withInvocation(invocation, () => fn(ctx)) };
  } catch (thrown) {
    if (thrown instanceof EarlyReturn) return { kind: 'early', value: thrown.value, skipTo: thrown.skipTo };
    if (thrown instanceof ResolverError) return { kind: 'error', error: thrown };
    return { kind: 'error', error: codeError(module, thrown) };
  }
}

/** A runtime exception (a TypeError, say) becomes the field's error, as in AppSync. */
function codeError(module: CodeModule, thrown: unknown): ResolverError {
  const message = thrown instanceof Object && 'message' in thrown ? String(thrown.message) : String(thrown);
  const frame = thrown instanceof Object && 'stack' in thrown ? String(thrown.stack).match(/:(\d+):(\d+)\)?\n?/) : null;
  const where = frame ? `${module.file.split('/').pop()}:${frame[1]}:${frame[2]}: ` : '';
  return new ResolverError(`${where}${message}`, 'Code');
}
