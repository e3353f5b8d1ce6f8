// `extensions` (devguide/extensions-js.html). The local AppSync has no API cache
// and the real-time engine applies filters and invalidations, so these record
// what they are given on the invocation (Invocation.extensions) for it to read.
import { activeInvocation } from './invocation.ts';

/** AppSync allows at most 5 unique invalidateSubscriptions calls per request (extensions-js.html). */
export const MAX_INVALIDATIONS = 5;

export const extensions = {
  setSubscriptionFilter(filter: unknown): void {
    activeInvocation().extensions.subscriptionFilter = filter;
  },
  setSubscriptionInvalidationFilter(filter: unknown): void {
    activeInvocation().extensions.subscriptionInvalidationFilter = filter;
  },
  invalidateSubscriptions(invalidation: { subscriptionField: string; payload: unknown }): void {
    const calls = activeInvocation().extensions.invalidations;
    const text = JSON.stringify(invalidation);
    if (!calls.some((call) => JSON.stringify(call) === text)) calls.push(invalidation);
  },
  evictFromApiCache(typeName: string, fieldName: string, keyValuePair: Record<string, unknown>): void {
    activeInvocation().extensions.cacheEvictions.push({ typeName, fieldName, keyValuePair });
  },
};
