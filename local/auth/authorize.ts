// Who is calling, by the API's authorization modes. API_KEY only, for now:
// the other modes are refused with AppSync's words rather than let through.
import type { Identity } from '../runtime/context.ts';

export type Caller = { authType: string; identity: Identity };

export type AuthFailure = { errorType: 'UnauthorizedException'; message: string };

export type Authorizer = (headers: Record<string, string | undefined>) => Caller | AuthFailure;

export const isAuthFailure = (value: Caller | AuthFailure): value is AuthFailure => 'errorType' in value;

export function apiKeyAuthorizer(apiKeys: readonly string[]): Authorizer {
  return (headers) => {
    const key = headers['x-api-key'];
    if (key && apiKeys.includes(key)) return { authType: 'API Key Authorization', identity: null };
    if (!key && !headers.authorization) {
      return { errorType: 'UnauthorizedException', message: 'Valid authorization header not provided.' };
    }
    return { errorType: 'UnauthorizedException', message: 'You are not authorized to make this call.' };
  };
}
