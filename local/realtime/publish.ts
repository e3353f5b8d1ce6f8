// `@aws_subscribe(mutations: [...])`: after a listed mutation succeeds, its result,
// as the mutation selected it, goes to the subscription fields listening to it;
// then the subscriptions its resolver invalidated are closed.
import { Kind, type FieldNode, type FragmentDefinitionNode } from 'graphql';
import type { GraphQLAnswer } from '../graphql/execute.ts';
import { publishedValue } from './payload.ts';
import type { SubscriptionRegistry } from './subscriptions.ts';

/** What a mutation's resolver passed to extensions.invalidateSubscriptions. */
export type Invalidation = { subscriptionField: string; payload: Record<string, unknown> };

/** Mutation field → the subscription fields it publishes to. */
export function publishersOf(triggers: Map<string, string[]>): Map<string, string[]> {
  const byMutation = new Map<string, string[]>();
  for (const [subscription, mutations] of triggers) {
    for (const mutation of mutations) byMutation.set(mutation, [...(byMutation.get(mutation) ?? []), subscription]);
  }
  return byMutation;
}

export type PublishOutcome = { delivered: number; oversized: { field: string; bytes: number }[]; invalidated: number };

export function publishMutation(
  answer: GraphQLAnswer,
  byMutation: Map<string, string[]>,
  registry: SubscriptionRegistry,
  invalidations: readonly Invalidation[] = [],
): PublishOutcome {
  const outcome: PublishOutcome = { delivered: 0, oversized: [], invalidated: 0 };
  if (answer.operation?.operation !== 'mutation') return outcome;
  const data = answer.result?.data as Record<string, unknown> | null | undefined;
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of answer.document?.definitions ?? []) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  for (const selection of data ? answer.operation.selectionSet.selections : []) {
    if (selection.kind !== Kind.FIELD) continue;
    const subscriptions = byMutation.get((selection as FieldNode).name.value);
    const value = data![(selection as FieldNode).alias?.value ?? (selection as FieldNode).name.value];
    // A mutation whose field failed (null) publishes nothing; one with appended errors publishes as a success.
    if (!subscriptions || !value || typeof value !== 'object' || Array.isArray(value)) continue;
    const payload = publishedValue(selection.selectionSet, value, fragments) as Record<string, unknown>;
    for (const subscription of subscriptions) {
      const report = registry.publish(subscription, payload);
      outcome.delivered += report.delivered;
      outcome.oversized.push(...report.oversized);
    }
  }
  for (const { subscriptionField, payload } of invalidations) outcome.invalidated += registry.invalidate(subscriptionField, payload);
  return outcome;
}
