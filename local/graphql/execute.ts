// One GraphQL request over HTTP, as AppSync answers it: parse, validate,
// execute with the API's resolvers, errors in AppSync's shape.
import {
  execute,
  getOperationAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { RequestState } from '../resolvers/request-state.ts';
import { parsedDocument, validationErrors } from './documents.ts';
import { formatError, requestError, type AppSyncError } from './errors.ts';
import { DEFAULT_LIMITS, introspectionErrors, shapeLimitErrors, type RequestLimits } from './limits.ts';

export type GraphQLBody = { query?: unknown; variables?: unknown; operationName?: unknown };

export type GraphQLAnswer = {
  body: { data: unknown; errors?: AppSyncError[] };
  /** The operation that ran, when one did: mutations publish to subscriptions. */
  operation?: OperationDefinitionNode;
  document?: DocumentNode;
  result?: ExecutionResult;
};

/** The API's request limits, and which fields have resolvers (they count toward one). */
export type LimitsOfApi = { limits: RequestLimits; hasResolver(typeName: string, fieldName: string): boolean };

const NO_RESOLVERS: LimitsOfApi = { limits: DEFAULT_LIMITS, hasResolver: () => false };

function refused(errors: readonly GraphQLError[]): GraphQLAnswer {
  return { body: { data: null, errors: errors.map(formatError) } };
}

/**
 * What a document's shape says against one API's limits (and which of its fields have resolvers), kept with
 * the document (parsed documents are kept by query text, documents.ts): the same operation sent again is not
 * walked again. Per operation (a document may hold several) and per schema (introspection is refused by
 * validation against it).
 */
type DocumentChecks = { limits: Map<OperationDefinitionNode, readonly GraphQLError[]>; introspection: Map<GraphQLSchema, readonly GraphQLError[]> };
const checksByApi = new WeakMap<LimitsOfApi, WeakMap<DocumentNode, DocumentChecks>>();

function checksOf(api: LimitsOfApi, document: DocumentNode): DocumentChecks {
  let byDocument = checksByApi.get(api);
  if (!byDocument) checksByApi.set(api, (byDocument = new WeakMap()));
  let checks = byDocument.get(document);
  if (!checks) byDocument.set(document, (checks = { limits: new Map(), introspection: new Map() }));
  return checks;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  map.set(key, value);
  return value;
}

export async function executeRequest(
  schema: GraphQLSchema,
  fieldResolver: GraphQLFieldResolver<unknown, RequestState>,
  body: GraphQLBody,
  state: RequestState,
  api: LimitsOfApi = NO_RESOLVERS,
): Promise<GraphQLAnswer> {
  const { limits, hasResolver } = api;
  if (typeof body.query !== 'string' || body.query.trim() === '') {
    return { body: { data: null, errors: [requestError('Request body is missing a GraphQL query.', 'MalformedHttpRequestException')] } };
  }
  if (body.variables !== undefined && body.variables !== null && (typeof body.variables !== 'object' || Array.isArray(body.variables))) {
    return { body: { data: null, errors: [requestError('Variables must be a JSON object.', 'MalformedHttpRequestException')] } };
  }
  const { document, errors: syntax } = parsedDocument(body.query);
  if (syntax) return refused(syntax);
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  const operation = getOperationAST(document, operationName) ?? undefined;
  // The limits are read before validation, whose cost grows with what they bound.
  const checks = checksOf(api, document);
  const overLimits = operation ? (checks.limits.get(operation) ?? remember(checks.limits, operation, shapeLimitErrors(limits, document, operation, hasResolver, schema))) : [];
  if (overLimits.length) return refused(overLimits);
  // Awaited only when it is a promise (a long document, validated apart): an await of a value still costs a turn.
  const validated = validationErrors(schema, body.query, document);
  const invalid = validated instanceof Promise ? await validated : validated;
  if (invalid.length) return refused(invalid);
  const introspection = checks.introspection.get(schema) ?? remember(checks.introspection, schema, introspectionErrors(limits, schema, document));
  if (introspection.length) return refused(introspection);

  if (operation?.operation === 'subscription') {
    return { body: { data: null, errors: [requestError('Subscriptions are served over the real-time WebSocket endpoint, /graphql/realtime.', 'BadRequestException')] } };
  }
  const executed = execute({
    schema,
    document,
    variableValues: (body.variables ?? {}) as Record<string, unknown>,
    operationName,
    contextValue: state,
    fieldResolver,
  });
  const result = executed instanceof Promise ? await executed : executed;
  const errors = [...(result.errors ?? []), ...state.appended].map(formatError);
  return {
    body: errors.length ? { data: result.data ?? null, errors } : { data: result.data ?? null },
    operation,
    document,
    result,
  };
}
