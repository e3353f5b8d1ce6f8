// The pool's HTTP side, on the local AppSync's port: Cognito's JSON-RPC endpoint
// (POST /cognito-idp/ with X-Amz-Target, what Amplify's `userPoolEndpoint`
// points at) and the issuer's discovery documents (GET /cognito-idp/<poolId>/.well-known/…).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, readBody } from '../http/body.ts';
import { actions } from './actions/index.ts';
import { CognitoError, Errors } from './errors.ts';
import { USER_POOL_PATH, type UserPool } from './pool.ts';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const MAX_BODY_BYTES = 256 * 1024;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, x-amz-target, x-amz-user-agent, cache-control, x-amz-date, authorization, x-amz-security-token',
  // Amplify names an error from x-amzn-ErrorType when it can read it; a browser can only if it is exposed.
  'access-control-expose-headers': 'x-amzn-requestid, x-amzn-errortype, x-amzn-errormessage, date',
  'access-control-max-age': '86400',
};

/** Serves the pool's paths; answers false for any other request. */
export function userPoolHandler(pool: UserPool) {
  const discovery = `${USER_POOL_PATH}/${pool.userPoolId}/.well-known/`;
  return (request: IncomingMessage, response: ServerResponse): boolean => {
    const path = (request.url ?? '/').split('?')[0]!;
    if (path !== USER_POOL_PATH && !path.startsWith(`${USER_POOL_PATH}/`)) return false;
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS).end();
    } else if (request.method === 'POST' && (path === USER_POOL_PATH || path === `${USER_POOL_PATH}/`)) {
      void operation(pool, request, response);
    } else if (request.method === 'GET' && path === `${discovery}jwks.json`) {
      sendJson(response, 200, pool.keys.jwks, 'application/json');
    } else if (request.method === 'GET' && path === `${discovery}openid-configuration`) {
      sendJson(response, 200, openIdConfiguration(pool), 'application/json');
    } else {
      sendJson(response, 404, { code: 'NotFound', message: 'Not found' }, 'application/json');
    }
    return true;
  };
}

async function operation(pool: UserPool, request: IncomingMessage, response: ServerResponse) {
  try {
    const target = String(request.headers['x-amz-target'] ?? '');
    const action = target.startsWith(TARGET_PREFIX) ? actions[target.slice(TARGET_PREFIX.length)] : undefined;
    const text = await readBody(request, MAX_BODY_BYTES).catch((error: unknown) => {
      throw error instanceof BodyTooLarge ? Errors.invalidParameter('Request body is too large.') : error;
    });
    if (!action) throw Errors.unknownOperation();
    let input: unknown;
    try {
      input = text ? JSON.parse(text) : {};
    } catch {
      throw Errors.serialization();
    }
    if (!input || typeof input !== 'object' || Array.isArray(input)) throw Errors.serialization();
    sendJson(response, 200, await action(pool, input));
  } catch (error) {
    const failure = error instanceof CognitoError ? error : new CognitoError('InternalErrorException', (error as Error).message ?? 'Internal error', 500);
    sendJson(response, failure.status, { __type: failure.type, message: failure.message }, undefined, {
      'x-amzn-errortype': `${failure.type}:`,
      'x-amzn-errormessage': failure.message.replace(/[^\x20-\x7e]/g, '?'),
    });
  }
}

function openIdConfiguration(pool: UserPool) {
  return {
    issuer: pool.issuer,
    jwks_uri: `${pool.issuer}/.well-known/jwks.json`,
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
    response_types_supported: ['code', 'token'],
    scopes_supported: ['openid', 'email', 'phone', 'profile'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    claims_supported: ['sub', 'cognito:username', 'cognito:groups', 'iss', 'aud', 'token_use', 'auth_time', 'exp', 'iat'],
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown, contentType = 'application/x-amz-json-1.1', headers: Record<string, string> = {}) {
  response.writeHead(status, { ...CORS, 'content-type': contentType, 'x-amzn-requestid': randomUUID(), ...headers });
  response.end(JSON.stringify(body));
}
