// One GraphQL request over HTTP, as AppSync answers it: parse, validate,
// execute with the API's resolvers, errors in AppSync's shape.
import {
  execute,
  getOperationAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { RequestState } from '../resolvers/request-state.ts';
import { checkedDocument } from './documents.ts';
import { formatError, requestError, type AppSyncError } from './errors.ts';

export type GraphQLBody = { query?: unknown; variables?: unknown; operationName?: unknown };

export type GraphQLAnswer = {
  body: { data: unknown; errors?: AppSyncError[] };
  /** The operation that ran, when one did: mutations publish to subscriptions. */
  operation?: OperationDefinitionNode;
  document?: DocumentNode;
  result?: ExecutionResult;
};

export async function executeRequest(
  schema: GraphQLSchema,
  fieldResolver: GraphQLFieldResolver<unknown, RequestState>,
  body: GraphQLBody,
  state: RequestState,
): Promise<GraphQLAnswer> {
  if (typeof body.query !== 'string' || body.query.trim() === '') {
    return { body: { data: null, errors: [requestError('Request body is missing a GraphQL query.', 'MalformedHttpRequestException')] } };
  }
  if (body.variables !== undefined && body.variables !== null && (typeof body.variables !== 'object' || Array.isArray(body.variables))) {
    return { body: { data: null, errors: [requestError('Variables must be a JSON object.', 'MalformedHttpRequestException')] } };
  }
  const { document, errors: invalid } = checkedDocument(schema, body.query);
  if (invalid) return { body: { data: null, errors: invalid.map(formatError) } };

  const operationName = typeof body.operationName === 'string' ? body.operationName : undefined;
  const operation = getOperationAST(document, operationName) ?? undefined;
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
