// What one handler invocation records while it runs. Handlers run synchronously,
// so the utilities read the invocation in progress from here.
import type { AppSyncErrorFields, Signal } from './signals.ts';

/**
 * What the handlers of one field passed to `extensions.*`, in call order. The
 * real-time engine reads `subscriptionFilter`/`subscriptionInvalidationFilter`
 * after a subscription resolver ran, and `invalidations` after a mutation.
 */
export type ExtensionCalls = {
  /** extensions.setSubscriptionFilter(filter): the last one given wins. */
  subscriptionFilter?: unknown;
  /** extensions.setSubscriptionInvalidationFilter(filter): the last one given wins. */
  subscriptionInvalidationFilter?: unknown;
  /** extensions.invalidateSubscriptions({subscriptionField, payload}) calls. */
  invalidations: { subscriptionField: string; payload: unknown }[];
  /** extensions.evictFromApiCache(typeName, fieldName, keys) calls. */
  cacheEvictions: { typeName: string; fieldName: string; keyValuePair: Record<string, unknown> }[];
};

export type Invocation = {
  /** `Type.field` being resolved, for util.unauthorized(). */
  typeName: string;
  fieldName: string;
  /** util.appendError() calls, in order. */
  errors: AppSyncErrorFields[];
  /** console.log/console.error lines, in AppSync's shape (`INFO - file:line:col: …`). */
  logs: string[];
  /** How the caller was authorized, in util.authType()'s words. */
  authType: string;
  /** The extensions.* calls of this field. */
  extensions: ExtensionCalls;
  /** util.http.addResponseHeader(s) calls: headers for the HTTP response. */
  responseHeaders: Record<string, string>;
  /** Date.now() after which the request has run out of time. */
  deadline: number;
  /** The GraphQL request the field belongs to: a Lambda BatchInvoke groups the calls made within one. */
  request?: object;
  /** Set while a handler unwinds after util.error, runtime.earlyReturn or the time limit. */
  signal?: Signal;
};

export function newInvocation(fields: Partial<Invocation> & Pick<Invocation, 'typeName' | 'fieldName'>): Invocation {
  // Written out, not spread over defaults: one shape for every field's invocation, and no spread on the request path.
  return {
    typeName: fields.typeName,
    fieldName: fields.fieldName,
    errors: fields.errors ?? [],
    logs: fields.logs ?? [],
    authType: fields.authType ?? 'API Key Authorization',
    extensions: fields.extensions ?? { invalidations: [], cacheEvictions: [] },
    responseHeaders: fields.responseHeaders ?? {},
    deadline: fields.deadline ?? Infinity,
    request: fields.request,
    signal: fields.signal,
  };
}

let active: Invocation | undefined;

export function activeInvocation(): Invocation {
  if (!active) throw new Error('AppSync utilities were called outside a resolver handler');
  return active;
}

export function currentInvocation(): Invocation | undefined {
  return active;
}

/** Makes `invocation` the one in progress and gives back the one it replaces (to put back after, in a finally). */
export function enterInvocation(invocation: Invocation | undefined): Invocation | undefined {
  const previous = active;
  active = invocation;
  return previous;
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
