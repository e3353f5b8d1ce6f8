// The local AppSync's HTTP side, on one port: POST /graphql, the real-time
// upgrade at /graphql/realtime, the client configuration, and (optionally) a web app.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import sirv from 'sirv';
import type { LocalApi } from '../api.ts';
import { isAuthFailure, type Authorizer } from '../auth/authorize.ts';
import { isSigV4 } from '../auth/iam.ts';
import type { AuthorizedRequest } from '../auth/lambda-authorizer.ts';
import { executeRequest, type GraphQLBody } from '../graphql/execute.ts';
import { requestError } from '../graphql/errors.ts';
import { PATH as REALTIME_PATH } from '../realtime/protocol.ts';
import type { RealtimeServer } from '../realtime/server.ts';
import { RequestState } from '../resolvers/request-state.ts';
import { userPoolHandler } from '../user-pool/http.ts';
import type { UserPool } from '../user-pool/pool.ts';
import { BodyTooLarge, readBody } from './body.ts';
import { amplifyOutputs } from './outputs.ts';

/** AppSync's request size limit: GraphQL operations up to 1 MB (its quota; the same for every API, so not in the declaration). */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A client that does not finish its headers in this time is cut off, as one that does not finish its body in REQUEST_TIMEOUT_MS. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 30_000;

// On every answer, the web app's and the API's: no content sniffing, no framing
// (the organizer console must not be clickjacked), and no Referer carrying a
// join code or a poll id off to another site.
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/** Each request error AppSync names, with its one status. */
const STATUS_OF: Record<string, number> = {
  MalformedHttpRequestException: 400,
  BadRequestException: 400,
  UnauthorizedException: 401,
  NotFoundException: 404,
  MethodNotAllowedException: 405,
  PayloadTooLargeException: 413,
  InternalFailure: 500,
};

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
  /** Shorter than HEADERS_TIMEOUT_MS and REQUEST_TIMEOUT_MS, for tests. */
  timeouts?: { headersMs: number; requestMs: number };
};

export function createHttpServer({ api, authorize, realtime, apiKey, webRoot, userPool, timeouts }: HttpOptions) {
  const userPoolRequest = userPool ? userPoolHandler(userPool) : () => false;
  const outputsAuth = { authorization: api.declaration.authorization, userPool, gen2: api.declaration.gen2 };
  const { authorization } = api.declaration;
  const lambdaMode = authorization.default === 'AWS_LAMBDA' || authorization.additional.includes('AWS_LAMBDA');
  const staticFiles = webRoot ? sirv(webRoot, { single: true, dev: false, etag: true }) : undefined;
  const headersMs = timeouts?.headersMs ?? HEADERS_TIMEOUT_MS;

  const server = http.createServer({
    headersTimeout: headersMs,
    requestTimeout: timeouts?.requestMs ?? REQUEST_TIMEOUT_MS,
    // How often Node looks for requests past those timeouts (30 s by default: longer than the timeouts themselves).
    connectionsCheckingInterval: Math.min(1000, headersMs),
  }, (request, response) => {
    // The connection's idle timeout (below) ends with its first request.
    if (request.socket.timeout) request.socket.setTimeout(0);
    const url = request.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    // GraphQL requests first: send() writes the security headers with the others, in one go.
    if (path === '/graphql' && request.method === 'POST') {
      return void handleGraphQL(request, response).catch((error) => {
        sendError(response, 'InternalFailure', `Internal error: ${(error as Error).message}`);
      });
    }
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    if (userPoolRequest(request, response)) return;
    if (request.method === 'OPTIONS') return send(response, 204, '');
    if (path === '/graphql') return sendError(response, 'MethodNotAllowedException', 'Use POST for GraphQL requests.');
    // The API's paths are never the web app's: a typo or a missing upgrade gets an API error, not index.html.
    if (path === REALTIME_PATH) return sendError(response, 'BadRequestException', 'The real-time endpoint takes WebSocket upgrades only.');
    if (path!.startsWith('/graphql/')) return sendError(response, 'NotFoundException', `No API endpoint at ${path}; GraphQL is served at /graphql.`);
    if (path === '/amplify_outputs.json' && request.method === 'GET') {
      // Asked over TLS, the configuration points at https (and so aws-amplify at wss).
      const origin = `${'encrypted' in request.socket ? 'https' : 'http'}://${request.headers.host ?? 'localhost'}`;
      return sendJson(response, 200, amplifyOutputs(origin, apiKey, outputsAuth));
    }
    if (staticFiles) return staticFiles(request, response, () => send(response, 404, 'Not found'));
    send(response, 404, 'Not found');
  });

  // A socket that never sends a byte has no request for headersTimeout to time: it is closed once idle as long.
  // Its first request lifts this (a resolver may take 30 s without a byte on the wire); the timeouts above take over.
  server.on('connection', (socket: Socket) => socket.setTimeout(headersMs, () => socket.destroy()));

  server.on('upgrade', (request, socket, head) => {
    (socket as Socket).setTimeout(0);
    if ((request.url ?? '').split('?')[0] === REALTIME_PATH) realtime.handleUpgrade(request, socket, head);
    else socket.destroy();
  });

  async function handleGraphQL(request: IncomingMessage, response: ServerResponse) {
    const headers = requestHeaders(request);
    // A SigV4 (AWS_IAM) signature covers the body, and a Lambda authorizer is told the query,
    // so for those the body is read before the caller is checked; any other caller is checked
    // first, and a refused one costs no body read.
    let text = isSigV4(headers.authorization) || lambdaMode ? await readText(request, response) : undefined;
    if (text === null) return;
    const signed = { method: request.method ?? 'POST', path: request.url ?? '/graphql', body: text ?? '' };
    const caller = await authorize(headers, { remoteAddress: request.socket.remoteAddress, request: signed, graphql: graphqlRequestOf(text) });
    if (isAuthFailure(caller)) {
      return sendJson(response, caller.status ?? 401, { errors: [{ errorType: caller.errorType, message: caller.message }] }, {
        'x-amzn-errortype': caller.errorType,
      });
    }
    text ??= await readText(request, response);
    if (text === null) return;
    let body: GraphQLBody;
    try {
      body = JSON.parse(text);
    } catch {
      return sendError(response, 'MalformedHttpRequestException', 'Unable to parse JSON document');
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      return sendError(response, 'MalformedHttpRequestException', 'Request body must be a JSON object');
    }
    const state = new RequestState(
      { headers: withoutCookie(headers), domainName: null, identity: caller.identity, env: api.environment },
      caller.authType,
      api.executionTimeoutMs,
    );
    state.deniedFields = caller.deniedFields;
    const answer = await executeRequest(api.schema, api.fieldResolver, body, state, api);
    // A request refused whole for its shape (no query, variables not an object) is a 400, named in the header.
    const requestErrorType = answer.body.data === null && answer.body.errors?.length === 1 && !answer.operation ? answer.body.errors[0]!.errorType : null;
    if (requestErrorType && STATUS_OF[requestErrorType]) return sendJson(response, STATUS_OF[requestErrorType]!, answer.body, { 'x-amzn-errortype': requestErrorType });
    sendJson(response, 200, answer.body);
    // Only a mutation publishes (or invalidates subscriptions): a query's extensions calls are not looked at.
    if (answer.operation?.operation === 'mutation') realtime.publishMutation(answer, state);
  }

  return server;
}

/** What a Lambda authorizer is told of the request: its query, operation and variables (when the body says them). */
function graphqlRequestOf(text: string | undefined): AuthorizedRequest | undefined {
  if (text === undefined) return undefined;
  let body: GraphQLBody;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!body || typeof body !== 'object' || typeof body.query !== 'string') return undefined;
  return { queryString: body.query, operationName: typeof body.operationName === 'string' ? body.operationName : null, variables: (body.variables ?? {}) as Record<string, unknown> };
}

/** The request body, or null once a body over the limit has been answered with 413. */
async function readText(request: IncomingMessage, response: ServerResponse): Promise<string | null> {
  try {
    return await readBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    sendError(response, 'PayloadTooLargeException', `Request body is larger than AppSync's limit of ${MAX_BODY_BYTES} bytes.`);
    return null;
  }
}

function requestHeaders(request: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  const given = request.headers;
  for (const key in given) {
    const value = given[key];
    if (value !== undefined) out[key] = typeof value === 'string' ? value : value.join(', ');
  }
  return out;
}

/** ctx.request.headers leaves the cookie out, as AppSync does. */
function withoutCookie(headers: Record<string, string>) {
  if (!('cookie' in headers)) return headers;
  const { cookie: _cookie, ...rest } = headers;
  return rest;
}

/** A request error in AppSync's shape, with its status and the x-amzn-errortype aws-amplify names it from. */
function sendError(response: ServerResponse, errorType: keyof typeof STATUS_OF, message: string) {
  sendJson(response, STATUS_OF[errorType]!, { errors: [requestError(message, errorType)] }, { 'x-amzn-errortype': errorType });
}

/** Every answer's own headers; a JSON answer's, besides. */
const ANSWER_HEADERS = { ...SECURITY_HEADERS, ...CORS };
const JSON_HEADERS = { ...ANSWER_HEADERS, 'content-type': 'application/json; charset=UTF-8' };

/**
 * The answer in one write: its headers in one object (no setHeader per header), and its length, so that the
 * body goes out whole rather than as chunks (chunked framing costs a write of several pieces per answer).
 */
function send(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}, base: Record<string, string> = ANSWER_HEADERS) {
  // Not a spread: V8 (Node 20) takes microseconds to add a property to an object a spread made.
  const all: Record<string, string | number> = Object.assign({}, base, headers);
  // A 204 has no body, and so no length (RFC 9110 §8.6).
  if (status !== 204) all['content-length'] = Buffer.byteLength(text);
  response.writeHead(status, all);
  response.end(text);
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  send(response, status, JSON.stringify(body), headers, JSON_HEADERS);
}
