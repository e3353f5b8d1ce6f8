// HTTP data sources (resolver-reference-http-js.html) through the local AppSync over
// real HTTP, against a local HTTP server this file starts: the request object's method,
// resourcePath and params reach the endpoint; the answer is ctx.result whatever its
// status; a refused connection is ctx.error; SigV4 signing when configured.
import http, { type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalAppSync } from '../../local/server.ts';
import { graphql, startServices } from './support/services.ts';

type Seen = { method: string; url: string; headers: IncomingMessage['headers']; body: string };

let server: LocalAppSync;
let endpoint: http.Server;
const seen: Seen[] = [];

beforeAll(async () => {
  endpoint = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      const status = Number(/^\/status\/(\d+)/.exec(request.url!)?.[1] ?? 200);
      response.writeHead(status, { 'content-type': 'application/json', 'x-served-by': 'test' });
      response.end(JSON.stringify({ method: request.method, url: request.url, body }));
    });
  });
  await new Promise<void>((done) => endpoint.listen(0, '127.0.0.1', done));
  const port = (endpoint.address() as AddressInfo).port;
  // A port nothing listens on: a server started and closed.
  const closed = http.createServer();
  await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
  const downPort = (closed.address() as AddressInfo).port;
  await new Promise((done) => closed.close(done));
  server = await startServices({
    httpEndpoints: { Web: `http://127.0.0.1:${port}`, SignedWeb: `http://127.0.0.1:${port}`, Down: `http://127.0.0.1:${downPort}` },
  });
});
afterAll(async () => {
  await server?.close();
  endpoint?.close();
});

const HTTP = 'query ($method: String!, $path: String!, $query: AWSJSON, $headers: AWSJSON, $body: String) { http(method: $method, path: $path, query: $query, headers: $headers, body: $body) { statusCode headers body } }';

describe('the HTTP data source', () => {
  it("sends the method, resourcePath, query and headers to the data source's endpoint", async () => {
    const { body } = await graphql(server, HTTP, {
      method: 'GET',
      path: '/v1/users',
      query: JSON.stringify({ limit: 10, tag: ['a', 'b'] }),
      headers: JSON.stringify({ 'x-trace': 'abc' }),
    });
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ method: 'GET', url: '/v1/users?limit=10&tag=a&tag=b', body: '' });
    expect(request.headers['x-trace']).toBe('abc');
    expect(body.data.http.statusCode).toBe(200);
  });

  it('sends the body and gives the answer as ctx.result: statusCode, headers, body as text', async () => {
    const { body } = await graphql(server, HTTP, {
      method: 'POST',
      path: '/v1/users',
      headers: JSON.stringify({ 'content-type': 'text/plain' }),
      body: 'hello',
    });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', body: 'hello' });
    const result = body.data.http;
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.headers)).toMatchObject({ 'content-type': 'application/json', 'x-served-by': 'test' });
    expect(JSON.parse(result.body)).toEqual({ method: 'POST', url: '/v1/users', body: 'hello' });
  });

  it('gives an error status as a result, not an error', async () => {
    const { body } = await graphql(server, HTTP, { method: 'DELETE', path: '/status/404' });
    expect(body.errors).toBeUndefined();
    expect(body.data.http.statusCode).toBe(404);
  });

  it('answers a refused connection as ctx.error', async () => {
    const { body } = await graphql(server, 'query { httpDown { message type } }');
    expect(body.data.httpDown).toEqual({ type: 'HttpRequestException', message: expect.stringMatching(/^Connection refused: 127\.0\.0\.1:\d+$/) });
  });

  it('refuses a request object without a method before any network, in MappingTemplate words', async () => {
    const before = seen.length;
    const { body } = await graphql(server, HTTP, { method: 'FETCH', path: '/v1/users' });
    expect(seen.length).toBe(before);
    expect(body.data.http).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ errorType: 'MappingTemplate', message: "Value for field '$[method]' not found." })]);
  });

  it('signs the request with SigV4 for the configured region and service when the data source says AWS_IAM', async () => {
    await graphql(server, 'query { signed(path: "/prod/items") { statusCode } }');
    const request = seen.at(-1)!;
    const authorization = String(request.headers.authorization);
    expect(authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=\w+\/\d{8}\/us-east-1\/execute-api\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/);
    // The signature checks out when computed again from what arrived, with the same credentials.
    const accessKeyId = /Credential=(\w+)\//.exec(authorization)![1]!;
    const { LOCAL_CREDENTIALS } = await import('../../local/data-sources/http/index.ts');
    const credentials = accessKeyId === LOCAL_CREDENTIALS.accessKeyId
      ? LOCAL_CREDENTIALS
      : { accessKeyId: process.env.AWS_ACCESS_KEY_ID!, secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY!, sessionToken: process.env.AWS_SESSION_TOKEN };
    const signer = new SignatureV4({ service: 'execute-api', region: 'us-east-1', credentials, sha256: Hash.bind(null, 'sha256') });
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)![1]!.split(';');
    const [path, search] = request.url.split('?');
    const again = await signer.sign(
      {
        method: request.method,
        protocol: 'http:',
        hostname: '127.0.0.1',
        path: path!,
        query: Object.fromEntries(new URLSearchParams(search)),
        headers: Object.fromEntries(signedHeaders.map((name) => [name, String(request.headers[name])])),
        body: request.body,
      },
      { signingDate: new Date(Date.parse(String(request.headers['x-amz-date']).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'))) },
    );
    expect(again.headers.authorization).toBe(authorization);
    expect(request.body).toBe('{"hello":"world"}');
    expect(request.url).toBe('/prod/items?page=2');
  });
});
