// A `start` message, from its JSON string to a subscription ready to register, or
// to the errors AppSync answers it with: the credentials of the start itself, the
// document (only a subscription may come this way), its validation, the field's
// auth directives, then the field's resolver, which runs once, now, and may refuse
// the subscriber or set its enhanced and invalidation filters.
import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { LocalApi } from '../api.ts';
import { parsedDocument, validationErrors } from '../graphql/documents.ts';
import { introspectionErrors, shapeLimitErrors } from '../graphql/limits.ts';
import { isAuthFailure, type Authorizer, type Caller } from '../auth/authorize.ts';
import { RequestState } from '../resolvers/request-state.ts';
import { ResolverError } from '../runtime/signals.ts';
import { filterProblem, type SubscriptionFilter } from './filters.ts';
import { SelectionProjector } from './payload.ts';
import { Errors, GRAPHQL_PATH, type ProtocolError, type StartPayload } from './protocol.ts';
import type { Invalidation } from './publish.ts';
import type { SubscriptionSpec } from './subscriptions.ts';

export type StartOutcome = { ok: true; spec: SubscriptionSpec; caller: Caller } | { ok: false; errors: ProtocolError[] };

const refuse = (...errors: ProtocolError[]): Refusal => ({ ok: false, errors });

type Refusal = Extract<StartOutcome, { ok: false }>;
type CheckedSubscription = {
  ok: true;
  /** Names this document and operation in a subscription's group key, in place of the query's text. */
  id: number;
  operation: OperationDefinitionNode;
  fieldNode: FieldNode;
  field: GraphQLField<unknown, unknown>;
  fragments: Record<string, FragmentDefinitionNode>;
};

export class SubscriptionStarter {
  /** Each parsed document's checks (see checked()): they go when the parse cache lets the document go. */
  private readonly checkedDocuments = new WeakMap<DocumentNode, Map<string | undefined, Promise<CheckedSubscription | Refusal>>>();
  private nextChecked = 1;

  constructor(
    private readonly api: LocalApi,
    private readonly authorize: Authorizer,
  ) {}

  async start(payload: StartPayload): Promise<StartOutcome> {
    let request: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      request = typeof payload.data === 'string' ? JSON.parse(payload.data) : null;
    } catch {
      request = null as never;
    }
    if (!request || typeof request !== 'object' || typeof request.query !== 'string') return refuse(Errors.unsupported('unknown'));

    const headers = lowerCaseKeys(payload.extensions?.authorization);
    // An AWS_IAM start is signed as a POST of its own payload.data to the GraphQL endpoint;
    // a Lambda authorizer is told the subscription's query, operation and variables.
    const caller = await this.authorize(headers, {
      request: { method: 'POST', path: GRAPHQL_PATH, body: payload.data as string },
      graphql: { queryString: request.query, operationName: typeof request.operationName === 'string' ? request.operationName : null, variables: (request.variables ?? {}) as Record<string, unknown> },
    });
    if (isAuthFailure(caller)) return refuse(Errors.unauthorizedSubscription(caller.message, caller.errorType));

    const { document, errors: syntax } = parsedDocument(request.query);
    if (syntax) return refuse(...syntax.map((e) => Errors.invalid(e.message)));
    const checked = await this.checked(document, request.query, typeof request.operationName === 'string' ? request.operationName : undefined);
    if (!checked.ok) return checked;
    const { operation, fieldNode, field, fragments } = checked;
    const subscriptionType = this.api.schema.getSubscriptionType()!;
    const coerced = getVariableValues(this.api.schema, operation.variableDefinitions ?? [], (request.variables ?? {}) as Record<string, unknown>);
    if (coerced.errors) return refuse(...coerced.errors.map((e) => Errors.invalid(e.message)));
    const variables = coerced.coerced;
    // The resolver sees every argument (defaults included); basic filtering only those written.
    let resolverArgs: Record<string, unknown>;
    try {
      resolverArgs = getArgumentValues(field, fieldNode, variables);
    } catch (error) {
      return refuse(Errors.invalid((error as Error).message));
    }
    const args = suppliedArguments(field, fieldNode, variables);

    // The API's field resolver checks the field's auth directives, then runs its resolver if it has one.
    const ran = await this.runResolver(subscriptionType, field, fieldNode, operation, fragments, variables, resolverArgs, caller);
    if (!ran.ok) return refuse(...ran.errors);
    for (const candidate of [ran.filter, ran.invalidationFilter]) {
      const problem = candidate === null ? null : filterProblem(candidate);
      if (problem) return refuse(Errors.filterLimit(problem));
    }
    const { filter, filterJson, invalidationFilter } = ran;

    // Subscribers denied different fields see different payloads: they are not grouped together.
    // The document is named by its checked operation's id: the same text shares one parsed document.
    const denied = caller.deniedFields?.size ? [...caller.deniedFields].sort().join(',') : '';
    const spec: SubscriptionSpec = {
      field: field.name,
      key: `${field.name}\u0000${checked.id}\u0000${JSON.stringify(variables)}\u0000${filterJson}\u0000${denied}`,
      projector: projectorOf(this.api.schema, fieldNode, field, fragments, variables, caller.deniedFields),
      args,
      filter,
      invalidationFilter,
    };
    return { ok: true, spec, caller };
  }

  /**
   * What the document itself decides, the same for every start that sends it: which
   * operation, whether it is a subscription within the API's limits and valid, its one
   * field and fragments. Kept with the parsed document (the parse cache shares one per
   * query text), per operation name; variables, credentials and the resolver are each start's own.
   */
  private checked(document: DocumentNode, query: string, operationName: string | undefined): Promise<CheckedSubscription | Refusal> {
    let byName = this.checkedDocuments.get(document);
    if (!byName) this.checkedDocuments.set(document, (byName = new Map()));
    let checked = byName.get(operationName);
    if (!checked) byName.set(operationName, (checked = this.check(document, query, operationName)));
    return checked;
  }

  private async check(document: DocumentNode, query: string, operationName: string | undefined): Promise<CheckedSubscription | Refusal> {
    const operation = getOperationAST(document, operationName);
    if (!operation) return refuse(Errors.unsupported(''));
    if (operation.operation !== 'subscription') return refuse(Errors.unsupported(operation.operation));
    const overLimits = shapeLimitErrors(this.api.limits, document, operation, this.api.hasResolver, this.api.schema);
    if (overLimits.length) return refuse(...overLimits.map((e) => Errors.invalid(e.message)));
    // A long document is validated on a worker thread (graphql/validate-apart.ts).
    const invalid = await validationErrors(this.api.schema, query, document);
    if (invalid.length) return refuse(...invalid.map((e) => Errors.invalid(e.message)));
    const introspection = introspectionErrors(this.api.limits, this.api.schema, document);
    if (introspection.length) return refuse(...introspection.map((e) => Errors.invalid(e.message)));

    const subscriptionType = this.api.schema.getSubscriptionType();
    if (!subscriptionType) return refuse(Errors.unsupported('subscription'));
    const fieldNode = operation.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
    const field = fieldNode && subscriptionType.getFields()[fieldNode.name.value];
    if (!fieldNode || !field) return refuse(Errors.invalid('A subscription selects its one field directly, not through a fragment.'));
    return { ok: true, id: this.nextChecked++, operation, fieldNode, field, fragments: fragmentsOf(document) };
  }

  /** A subscription resolver runs once, with the subscriber's arguments and identity; its result is not sent anywhere. */
  private async runResolver(
    type: GraphQLObjectType,
    field: GraphQLField<unknown, unknown>,
    fieldNode: FieldNode,
    operation: OperationDefinitionNode,
    fragments: Record<string, FragmentDefinitionNode>,
    variables: Record<string, unknown>,
    args: Record<string, unknown>,
    caller: Caller,
  ): Promise<({ ok: true } & SubscriptionExtensions) | { ok: false; errors: ProtocolError[] }> {
    const state = new RequestState({ headers: {}, domainName: null, identity: caller.identity, env: this.api.environment }, caller.authType, this.api.executionTimeoutMs);
    state.deniedFields = caller.deniedFields;
    const key = fieldNode.alias?.value ?? field.name;
    const info: GraphQLResolveInfo = {
      fieldName: field.name,
      fieldNodes: [fieldNode],
      returnType: field.type,
      parentType: type,
      path: { prev: undefined, key, typename: type.name },
      schema: this.api.schema,
      fragments,
      rootValue: undefined,
      operation,
      variableValues: variables,
    };
    const thrown: ResolverError[] = [];
    try {
      await this.api.fieldResolver(undefined, args, state, info);
    } catch (error) {
      thrown.push(error instanceof ResolverError ? error : new ResolverError(String((error as Error)?.message ?? error)));
    }
    const errors = [...thrown, ...state.appended.map((e) => e.originalError as ResolverError)];
    if (errors.length) {
      // Only the keys AppSync sends on this channel: {"errorType":"Unauthorized","message":"Not Authorized to access …"}.
      return { ok: false, errors: errors.map((e) => (e.errorType ? { errorType: e.errorType, message: e.message } : { message: e.message })) };
    }
    return { ok: true, ...subscriptionExtensionsOf(state) };
  }
}

/**
 * What a subscription resolver passed to extensions.setSubscriptionFilter and
 * setSubscriptionInvalidationFilter: the runtime records them on each field's
 * invocation (local/runtime/invocation.ts). Copied out of the resolver's realm as plain JSON.
 */
export function subscriptionExtensionsOf(state: RequestState): SubscriptionExtensions {
  let filter: unknown = null;
  let invalidationFilter: unknown = null;
  for (const { extensions } of recordedInvocations(state)) {
    filter = extensions?.subscriptionFilter ?? filter;
    invalidationFilter = extensions?.subscriptionInvalidationFilter ?? invalidationFilter;
  }
  const filterJson = filter === null || filter === undefined ? '' : JSON.stringify(filter);
  return {
    filter: filterJson ? (JSON.parse(filterJson) as SubscriptionFilter | null) : null,
    filterJson,
    invalidationFilter: plain(invalidationFilter) as SubscriptionFilter | null,
  };
}

/** The filters a subscription resolver set, as plain JSON, and the filter's text ('' for none: part of the group key). */
type SubscriptionExtensions = { filter: SubscriptionFilter | null; filterJson: string; invalidationFilter: SubscriptionFilter | null };

/**
 * The group's projector, made for its first subscriber. A function of its own so that what it
 * keeps for the subscription's life is only this, not the whole start (request, caller's identity…).
 */
function projectorOf(
  schema: GraphQLSchema,
  fieldNode: FieldNode,
  field: GraphQLField<unknown, unknown>,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  deniedFields: ReadonlySet<string> | undefined,
): () => SelectionProjector {
  return () => new SelectionProjector(schema, fieldNode, field.type, fragments, variables, deniedFields);
}

/** What a mutation's resolvers passed to extensions.invalidateSubscriptions. */
export function invalidationsOf(state: RequestState): Invalidation[] {
  return recordedInvocations(state).flatMap(({ extensions }) =>
    (extensions?.invalidations ?? []).map((call) => plain(call) as Invalidation).filter((call) => call && typeof call.subscriptionField === 'string'),
  );
}

type Recorded = { extensions?: { subscriptionFilter?: unknown; subscriptionInvalidationFilter?: unknown; invalidations?: unknown[] } };
function recordedInvocations(state: RequestState): Recorded[] {
  return (state as RequestState & { invocations?: Recorded[] }).invocations ?? [];
}

function plain(value: unknown): unknown {
  return value === null || value === undefined ? null : JSON.parse(JSON.stringify(value));
}

/** The arguments written in the subscription (basic filtering ignores the others, defaults included). */
function suppliedArguments(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const argument of node.arguments ?? []) {
    const definition = field.args.find((a) => a.name === argument.name.value);
    if (!definition) continue;
    if (argument.value.kind === Kind.VARIABLE) {
      const name = argument.value.name.value;
      if (!Object.prototype.hasOwnProperty.call(variables, name)) continue;
      args[definition.name] = variables[name];
    } else {
      args[definition.name] = valueFromAST(argument.value, definition.type, variables);
    }
  }
  return args;
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return fragments;
}

export function lowerCaseKeys(headers: unknown): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  if (!headers || typeof headers !== 'object') return out;
  for (const key of Object.keys(headers)) {
    const value = (headers as Record<string, unknown>)[key];
    if (typeof value === 'string') out[key.toLowerCase()] = value;
  }
  return out;
}
