// The HTTP and WebSocket surface as AppSync keeps it: each request error with one
// 4xx status and x-amzn-errortype, the API's paths never answered with the web
// app, only RFC 6455 upgrades, slow or silent sockets cut off, and headers that
// stop sniffing, framing and Referer leaks. After each refusal a normal client
// is still served.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { graphql, startHandsUp } from '../support/local-appsync.ts';
import { ProtocolClient } from '../support/protocol-client.ts';

let server: LocalAppSync;
let origin: string;
const webRoot = mkdtempSync(join(tmpdir(), 'appsync-web-'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>web app</title>');

beforeAll(async () => {
  server = await startHandsUp({
    webRoot,
    httpTimeouts: { headersMs: 1000, requestMs: 2000 },
    realtime: { initTimeoutMs: 1000, warn: () => {} },
  });
  origin = new URL(server.url).origin;
});
afterAll(() => server?.close());

/** A normal client's query, answered as usual. */
async function expectServed() {
  const answer = await graphql(server, 'query ($id: ID!) { event(id: $id) { id } }', { id: 'nope' });
  expect(answer).toMatchObject({ status: 200, body: { data: { event: null } } });
}

const post = (body: string, path = '/graphql', headers: Record<string, string> = {}) =>
  fetch(origin + path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey, ...headers }, body });

async function expectRequestError(response: Response, status: number, errorType: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('x-amzn-errortype')).toBe(errorType);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as { errors: { errorType: string; message: string }[] };
  expect(body.errors).toEqual([expect.objectContaining({ errorType, message: expect.any(String) })]);
}

describe('request errors: one status each, named in x-amzn-errortype', () => {
  it('a body that is not JSON: 400 MalformedHttpRequestException', async () => {
    await expectRequestError(await post('{not json'), 400, 'MalformedHttpRequestException');
    await expectServed();
  });

  it('a JSON body that is not an object: 400 MalformedHttpRequestException', async () => {
    await expectRequestError(await post('[1, 2]'), 400, 'MalformedHttpRequestException');
    await expectServed();
  });

  it('a body without a query: 400 MalformedHttpRequestException', async () => {
    await expectRequestError(await post('{"variables": {}}'), 400, 'MalformedHttpRequestException');
    await expectServed();
  });

  it('a subscription over HTTP: 400 BadRequestException', async () => {
    await expectRequestError(await post(JSON.stringify({ query: 'subscription { onEventChanged(id: "e") { id } }' })), 400, 'BadRequestException');
    await expectServed();
  });

  it('a body over AppSync\'s 1 MB: 413 PayloadTooLargeException', async () => {
    await expectRequestError(await post(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(1024 * 1024)}` })), 413, 'PayloadTooLargeException');
    await expectServed();
  });

  it('GET /graphql: 405 MethodNotAllowedException', async () => {
    await expectRequestError(await fetch(origin + '/graphql'), 405, 'MethodNotAllowedException');
    await expectServed();
  });
});

describe('the API\'s paths are never the web app', () => {
  it('POST /graphql/ (a trailing slash) is a 404 NotFoundException, not index.html', async () => {
    await expectRequestError(await post('{"query":"{ __typename }"}', '/graphql/'), 404, 'NotFoundException');
    await expectServed();
  });

  it('GET /graphql/realtime without an upgrade is a 400 BadRequestException, not index.html', async () => {
    await expectRequestError(await fetch(origin + '/graphql/realtime'), 400, 'BadRequestException');
    await expectServed();
  });

  it('the web app is still served at /', async () => {
    const response = await fetch(origin + '/');
    expect(await response.text()).toContain('web app');
  });
});

/** Opens a raw TCP connection to the server and sends `text`; resolves what came back once the server closes it. */
function rawExchange(text: string, keepSending?: (socket: Socket) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1', () => {
      if (text) socket.write(text);
      keepSending?.(socket);
    });
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
  });
}

describe('WebSocket upgrades and slow sockets', () => {
  it('an upgrade with Sec-WebSocket-Version 8 is refused with 426 naming version 13', async () => {
    const answer = await rawExchange(
      'GET /graphql/realtime HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\nSec-WebSocket-Protocol: graphql-ws\r\n\r\n',
    );
    expect(answer).toMatch(/^HTTP\/1\.1 426 /);
    expect(answer).toMatch(/Sec-WebSocket-Version: 13/i);
    await expectServed();
  });

  it('a socket that never sends a byte is closed', async () => {
    expect(await rawExchange('')).toMatch(/^HTTP\/1\.1 408 |^$/);
    await expectServed();
  });

  it('a socket that never finishes its headers is closed, however it trickles', async () => {
    let timer: NodeJS.Timeout | undefined;
    const answer = await rawExchange('POST /graphql HTTP/1.1\r\nHost: localhost\r\n', (socket) => {
      timer = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 50);
    });
    clearInterval(timer);
    expect(answer).toMatch(/^HTTP\/1\.1 408 |^$/);
    await expectServed();
  });

  it('a body that never ends is cut off', async () => {
    let timer: NodeJS.Timeout | undefined;
    const answer = await rawExchange(`POST /graphql HTTP/1.1\r\nHost: localhost\r\nx-api-key: ${server.apiKey}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"query":`, (socket) => {
      timer = setInterval(() => socket.writable && socket.write(' '), 50);
    });
    clearInterval(timer);
    expect(answer).toMatch(/^HTTP\/1\.1 408 |^$/);
    await expectServed();
  });

  it('a WebSocket that never sends connection_init nor a start is closed', async () => {
    const client = await ProtocolClient.connect(server.realtimeUrl, { apiKey: server.apiKey });
    expect(await client.closed).toEqual({ code: 1000, reason: 'no connection_init' });
    await expectServed();
  });

  it('a WebSocket that sent connection_init stays open past that timeout', async () => {
    const client = await ProtocolClient.connect(server.realtimeUrl, { apiKey: server.apiKey });
    await client.init();
    const outcome = await Promise.race([client.closed, new Promise((resolve) => setTimeout(() => resolve('open'), 2500))]);
    expect(outcome).toBe('open');
    client.socket.close();
  });
});

describe('security headers', () => {
  const expectSecurityHeaders = (response: Response) => {
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  };

  it('on the web app', async () => expectSecurityHeaders(await fetch(origin + '/organizer')));
  it('on GraphQL answers', async () => expectSecurityHeaders(await post('{"query":"{ __typename }"}')));
  it('on request errors', async () => expectSecurityHeaders(await fetch(origin + '/graphql')));
  it('on the client configuration', async () => expectSecurityHeaders(await fetch(origin + '/amplify_outputs.json')));
});
