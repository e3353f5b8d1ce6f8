// What one handler invocation records while it runs. Handlers run synchronously,
// so the utilities read the invocation in progress from here.
import type { AppSyncErrorFields } from './signals.ts';

export type Invocation = {
  /** `Type.field` being resolved, for util.unauthorized(). */
  typeName: string;
  fieldName: string;
  /** util.appendError() calls, in order. */
  errors: AppSyncErrorFields[];
  /** console.log/console.error lines, in order. */
  logs: string[];
  /** The caller's identity, for util.authType(). */
  authType: string;
};

let active: Invocation | undefined;

export function activeInvocation(): Invocation {
  if (!active) throw new Error('AppSync utilities were called outside a resolver handler');
  return active;
}

export function withInvocation<T>(invocation: Invocation, run: () => T): T {
  const previous = active;
  active = invocation;
  try {
    return run();
  } finally {
    active = previous;
  }
}
