import { activeInvocation } from '../invocation.ts';
import { ResolverError } from '../signals.ts';

// A non-string message or errorType makes AppSync ignore the call (aws-appsync-community#384).
const ignored = (message: unknown, errorType: unknown) =>
  typeof message !== 'string' || (errorType !== undefined && errorType !== null && typeof errorType !== 'string');

export function error(message: string, errorType?: string, data?: unknown, errorInfo?: unknown): never {
  if (ignored(message, errorType)) return undefined as never;
  throw new ResolverError(message, errorType ?? null, data ?? null, errorInfo ?? null);
}

export function appendError(message: string, errorType?: string, data?: unknown, errorInfo?: unknown): void {
  if (ignored(message, errorType)) return;
  activeInvocation().errors.push({ message, errorType: errorType ?? null, data: data ?? null, errorInfo: errorInfo ?? null });
}

export function unauthorized(): never {
  const { typeName, fieldName } = activeInvocation();
  throw new ResolverError(`Not Authorized to access ${fieldName} on type ${typeName}`, 'Unauthorized');
}
