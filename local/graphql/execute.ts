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

export async function executeRequest(
  schema: GraphQLSchema,
  fieldResolver: GraphQLFieldResolver<unknown, RequestState>,
  body: GraphQLBody,
  state: RequestState,
  { limits, hasResolver }: LimitsOfApi = NO_RESOLVERS,
): Promise<GraphQLAnswer> {
  if (typeof body.query !== 'string' || body.query.trim() === '') {
    return { body: { data: null, errors: [requestError('Request body is missing a GraphQL query.', 'MalformedHttpRequestException')] } };
  }
  if (body.variables !== undefined && body.variables !== null && (typeof body.variables !== 'object' || Array.isArray(body.variables))) {
    return { body: { data: null, errors: [requestError('Variables must be a JSON object.', 'MalformedHttpRequestException')] } };
  }
  const refused = (errors: readonly GraphQLError[]): GraphQLAnswer => ({ body: { data: null, errors: errors.map(formatError) } });
  const { document, errors: syntax } = parsedDocument(body.query);
  if (syntax) return refused(syntax);
  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  const operation = getOperationAST(document, operationName) ?? undefined;
  // The limits are read before validation, whose cost grows with what they bound.
  const overLimits = operation ? shapeLimitErrors(limits, document, operation, hasResolver, schema) : [];
  if (overLimits.length) return refused(overLimits);
  const invalid = await validationErrors(schema, body.query, document);
  if (invalid.length) return refused(invalid);
  const introspection = introspectionErrors(limits, schema, document);
  if (introspection.length) return refused(introspection);

  if (operation?.operation === 'subscription') {
    return { body: { data: null, errors: [requestError('Subscriptions are served over the real-time WebSocket endpoint, /graphql/realtime.', 'BadRequestException')] } };
  }
  const result = await execute({
    schema,
    document,
    variableValues: (body.variables ?? {}) as Record<string, unknown>,
    operationName,
    contextValue: state,
    fieldResolver,
  });
  const errors = [...(result.errors ?? []), ...state.appended].map(formatError);
  return {
    body: errors.length ? { data: result.data ?? null, errors } : { data: result.data ?? null },
    operation,
    document,
    result,
  };
}
