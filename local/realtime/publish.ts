// `@aws_subscribe(mutations: [...])`: after a listed mutation succeeds, its
// result (as the mutation selected it) goes to the subscription's subscribers.
import type { FieldNode } from 'graphql';
import type { GraphQLAnswer } from '../graphql/execute.ts';
import type { SubscriptionRegistry } from './subscriptions.ts';

/** Mutation field → the subscription fields it publishes to. */
export function publishersOf(triggers: Map<string, string[]>): Map<string, string[]> {
  const byMutation = new Map<string, string[]>();
  for (const [subscription, mutations] of triggers) {
    for (const mutation of mutations) byMutation.set(mutation, [...(byMutation.get(mutation) ?? []), subscription]);
  }
  return byMutation;
}

export function publishMutation(answer: GraphQLAnswer, byMutation: Map<string, string[]>, registry: SubscriptionRegistry) {
  if (answer.operation?.operation !== 'mutation') return;
  const data = answer.result?.data as Record<string, unknown> | null | undefined;
  if (!data) return;
  for (const selection of answer.operation.selectionSet.selections) {
    if (selection.kind !== 'Field') continue;
    const subscriptions = byMutation.get((selection as FieldNode).name.value);
    const value = data[(selection as FieldNode).alias?.value ?? (selection as FieldNode).name.value];
    if (!subscriptions || !value || typeof value !== 'object') continue;
    for (const subscription of subscriptions) registry.publish(subscription, value as Record<string, unknown>);
  }
}
