// The local AppSync's HTTP side, on one port: POST /graphql, the real-time
// upgrade at /graphql/realtime, the client configuration, and (optionally) a web app.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import sirv from 'sirv';
import type { LocalApi } from '../api.ts';
import { isAuthFailure, type Authorizer } from '../auth/authorize.ts';
import { executeRequest, type GraphQLBody } from '../graphql/execute.ts';
import { requestError } from '../graphql/errors.ts';
import { PATH as REALTIME_PATH } from '../realtime/protocol.ts';
import type { RealtimeServer } from '../realtime/server.ts';
import { RequestState } from '../resolvers/request-state.ts';
import { userPoolHandler } from '../user-pool/http.ts';
import type { UserPool } from '../user-pool/pool.ts';
import { BodyTooLarge, readBody } from './body.ts';
import { amplifyOutputs } from './outputs.ts';

const MAX_BODY_BYTES = 1024 * 1024;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'x-api-key, x-amz-user-agent, content-type, authorization, x-amz-date, x-amz-security-token',
  'access-control-max-age': '86400',
  // Browsers hide other response headers from scripts; Amplify names a 401 from this one.
  'access-control-expose-headers': 'x-amzn-ErrorType, x-amzn-RequestId',
};

export type HttpOptions = {
  api: LocalApi;
  authorize: Authorizer;
  realtime: RealtimeServer;
  apiKey: string;
  webRoot?: string;
  /** The API's local Cognito user pool, served at /cognito-idp/. */
  userPool?: UserPool;
};

export function createHttpServer({ api, authorize, realtime, apiKey, webRoot, userPool }: HttpOptions) {
  const userPoolRequest = userPool ? userPoolHandler(userPool) : () => false;
  const outputsAuth = { authorization: api.declaration.authorization, userPool };
  const staticFiles = webRoot ? sirv(webRoot, { single: true, dev: false, etag: true }) : undefined;

  const server = http.createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (userPoolRequest(request, response)) return;
    if (request.method === 'OPTIONS') return send(response, 204, '');
    if (path === '/graphql') {
      if (request.method !== 'POST') return sendJson(response, 405, { errors: [requestError('Use POST for GraphQL requests.', 'MethodNotAllowed')] });
      return void handleGraphQL(request, response).catch((error) => {
        sendJson(response, 500, { errors: [requestError(`Internal error: ${(error as Error).message}`, 'InternalFailure')] });
      });
    }
    if (path === '/amplify_outputs.json' && request.method === 'GET') {
      // Asked over TLS, the configuration points at https (and so aws-amplify at wss).
      const origin = `${'encrypted' in request.socket ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`;
      return sendJson(response, 200, amplifyOutputs(origin, apiKey, outputsAuth));
    }
    if (staticFiles) return staticFiles(request, response, () => send(response, 404, 'Not found'));
    send(response, 404, 'Not found');
  });

  server.on('upgrade', (request, socket, head) => {
    if ((request.url ?? '').split('?')[0] === REALTIME_PATH) realtime.handleUpgrade(request, socket, head);
    else socket.destroy();
  });

  async function handleGraphQL(request: IncomingMessage, response: ServerResponse) {
    const headers = requestHeaders(request);
    // The body is read before the credentials are checked (a Lambda authorizer is told the query),
    // but a refusal still comes before any complaint about the body, as in AppSync.
    let body: GraphQLBody | undefined;
    let malformed: { status: number; message: string } | undefined;
    try {
      body = JSON.parse(await readBody(request, MAX_BODY_BYTES));
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge;
      malformed = { status: tooLarge ? 413 : 400, message: tooLarge ? 'Request body is too large.' : 'Unable to parse JSON document' };
    }
    const graphqlRequest = body && typeof body === 'object' && typeof body.query === 'string'
      ? { queryString: body.query, operationName: typeof body.operationName === 'string' ? body.operationName : null, variables: (body.variables ?? {}) as Record<string, unknown> }
      : undefined;
    const caller = await authorize(headers, { remoteAddress: request.socket.remoteAddress, request: graphqlRequest });
    if (isAuthFailure(caller)) {
      return sendJson(response, 401, { errors: [{ errorType: caller.errorType, message: caller.message }] }, {
        'x-amzn-errortype': caller.errorType,
      });
    }
    if (malformed) {
      return sendJson(response, malformed.status, { errors: [requestError(malformed.message, 'MalformedHttpRequestException')] }, {
        'x-amzn-errortype': 'MalformedHttpRequestException',
      });
    }
    if (!body || typeof body !== 'object') {
      return sendJson(response, 400, { errors: [requestError('Request body must be a JSON object', 'MalformedHttpRequestException')] });
    }
    const state = new RequestState(
      { headers: withoutCookie(headers), domainName: null, identity: caller.identity, env: api.environment },
      caller.authType,
    );
    state.deniedFields = caller.deniedFields;
    const answer = await executeRequest(api.schema, api.fieldResolver, body, state);
    sendJson(response, 200, answer.body);
    realtime.publishMutation(answer, state);
  }

  return server;
}

function requestHeaders(request: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) if (value !== undefined) out[key] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** ctx.request.headers leaves the cookie out, as AppSync does. */
function withoutCookie(headers: Record<string, string>) {
  const { cookie: _cookie, ...rest } = headers;
  return rest;
}

function send(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}) {
  response.writeHead(status, { ...CORS, ...headers });
  response.end(text);
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  send(response, status, JSON.stringify(body), { 'content-type': 'application/json; charset=UTF-8', ...headers });
}
