// AppSync's error shape: every key present, the unused ones null.
// { path, data, errorType, errorInfo, locations: [{line, column, sourceName}], message }
import type { GraphQLError } from 'graphql';
import { ResolverError } from '../runtime/signals.ts';

export type AppSyncError = {
  path: (string | number)[] | null;
  data: unknown;
  errorType: string | null;
  errorInfo: unknown;
  locations: { line: number; column: number; sourceName: null }[] | null;
  message: string;
};

export function formatError(error: GraphQLError): AppSyncError {
  const original = error.originalError;
  const fields = original instanceof ResolverError ? original : undefined;
  return {
    path: error.path ? [...error.path] : null,
    data: fields?.data ?? null,
    errorType: fields?.errorType ?? errorTypeOf(original) ?? errorTypeOf(error) ?? null,
    errorInfo: fields?.errorInfo ?? null,
    locations: error.locations?.map(({ line, column }) => ({ line, column, sourceName: null })) ?? null,
    message: fields ? fields.message : error.message,
  };
}

/** The errorType an error carries of its own (the request limits' errors do). */
function errorTypeOf(error: unknown): string | undefined {
  const type = (error as { errorType?: unknown } | undefined)?.errorType;
  return typeof type === 'string' ? type : undefined;
}

/** An error that is not about one field: the request as a whole was refused. */
export function requestError(message: string, errorType: string | null = null): AppSyncError {
  return { path: null, data: null, errorType, errorInfo: null, locations: null, message };
}
