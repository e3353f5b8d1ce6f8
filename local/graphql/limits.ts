// AppSync's per-API request limits (GraphqlApi's QueryDepthLimit,
// ResolverCountLimit, IntrospectionConfig), checked on the parsed document
// before any resolver runs. The depth and resolver count are read from the
// document alone — fragments expanded, cycles cut — so a query of 25,000
// aliases is refused before validation, whose cost grows with it.
//
// AppSync documents the limits and their ranges, not its messages: the wording
// and the errorType below are ours. It also documents the resolver limit as
// counting resolvers invoked; the count of list items is not known before the
// data is, so the static count here counts each selected field once and
// `invocationLimitError` counts what really runs.
import {
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

export type RequestLimits = {
  /** 0: no limit; else 1–75 nested levels. */
  queryDepthLimit: number;
  /** 0 means AppSync's default, 10,000; else 1–10,000. */
  resolverCountLimit: number;
  introspectionConfig: 'ENABLED' | 'DISABLED';
};

export const DEFAULT_RESOLVER_COUNT_LIMIT = 10_000;
export const LIMIT_ERROR_TYPE = 'LimitExceededException';

export const DEFAULT_LIMITS: RequestLimits = { queryDepthLimit: 0, resolverCountLimit: 0, introspectionConfig: 'ENABLED' };

export const resolverCountLimitOf = (limits: RequestLimits) => limits.resolverCountLimit || DEFAULT_RESOLVER_COUNT_LIMIT;

class LimitError extends GraphQLError {
  readonly errorType = LIMIT_ERROR_TYPE;
}

/**
 * Why the operation exceeds the depth or resolver count limit, read before
 * validation. `hasResolver(type, field)` tells a field with a resolver.
 */
export function shapeLimitErrors(
  limits: RequestLimits,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  hasResolver: (typeName: string, fieldName: string) => boolean,
  schema: GraphQLSchema,
): GraphQLError[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const maxResolvers = resolverCountLimitOf(limits);

  // Each fragment is measured once, so fragments spread twice at every level cost linear time, not exponential.
  type Measure = { resolvers: number; depth: number };
  const measured = new Map<string, Measure>();
  const inProgress = new Set<string>();
  const measure = (set: SelectionSetNode, typeName: string | undefined): Measure => {
    const total: Measure = { resolvers: 0, depth: 0 };
    const add = (inner: Measure, levels: number) => {
      total.resolvers += inner.resolvers;
      total.depth = Math.max(total.depth, inner.depth + levels);
    };
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (typeName && hasResolver(typeName, name)) total.resolvers++;
        add(selection.selectionSet ? measure(selection.selectionSet, fieldTypeName(schema, typeName, name)) : { resolvers: 0, depth: 0 }, 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(measure(selection.selectionSet, selection.typeCondition?.name.value ?? typeName), 0);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A fragment that spreads itself is a cycle: validation reports it.
        if (!fragment || inProgress.has(name)) continue;
        let inner = measured.get(name);
        if (!inner) {
          inProgress.add(name);
          inner = measure(fragment.selectionSet, fragment.typeCondition.name.value);
          inProgress.delete(name);
          measured.set(name, inner);
        }
        add(inner, 0);
      }
    }
    return total;
  };
  const { resolvers, depth: deepest } = measure(operation.selectionSet, schema.getRootType(operation.operation)?.name);

  const errors: GraphQLError[] = [];
  if (limits.queryDepthLimit && deepest > limits.queryDepthLimit) {
    errors.push(new LimitError(`Query depth limit of ${limits.queryDepthLimit} exceeded: the query is ${deepest} levels deep.`));
  }
  if (resolvers > maxResolvers) {
    errors.push(new LimitError(`Resolver count limit of ${maxResolvers} exceeded: the query selects more fields with resolvers.`));
  }
  return errors;
}

/** With introspection disabled, a validation error for __schema and __type (__typename stays allowed, as in AppSync). */
export function introspectionErrors(limits: RequestLimits, schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[] {
  return limits.introspectionConfig === 'DISABLED' ? validate(schema, document, [NoSchemaIntrospectionCustomRule]) : [];
}

/** The error of a resolver run beyond the count limit, once `ran` resolvers have run in this request. */
export function invocationLimitError(limits: RequestLimits, ran: number): GraphQLError | undefined {
  const max = resolverCountLimitOf(limits);
  return ran >= max ? new LimitError(`Resolver count limit of ${max} exceeded.`) : undefined;
}

function fieldTypeName(schema: GraphQLSchema, typeName: string | undefined, fieldName: string): string | undefined {
  const type = typeName ? schema.getType(typeName) : undefined;
  if (!type || !('getFields' in type)) return undefined;
  let fieldType = (type.getFields() as Record<string, { type: unknown }>)[fieldName]?.type as { ofType?: unknown; name?: string } | undefined;
  while (fieldType && fieldType.ofType) fieldType = fieldType.ofType as typeof fieldType;
  return fieldType?.name;
}
