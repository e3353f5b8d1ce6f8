// `appsync-local serve --http-endpoint Name=url`: an HTTP data source called at
// another endpoint than the one it declares (a local stand-in), the resolver unchanged;
// and a malformed option refused before anything starts.
import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DECLARATION = 'test/data-sources/fixtures/services/services.api.json';

function serve(args: string[]) {
  const child = spawn(process.execPath, ['local/bin/appsync-local.js', 'serve', DECLARATION, '--port', '0', '--host', '127.0.0.1', '--in-memory', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const started = new Promise<string>((resolve) => {
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Press Ctrl-C')) resolve(output);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
  });
  const exited = new Promise<{ code: number | null; output: string }>((resolve) => child.once('exit', (code) => resolve({ code, output })));
  return { child, started, exited };
}

let standIn: http.Server;
let standInUrl: string;
beforeAll(async () => {
  standIn = http.createServer((request, response) => response.writeHead(200, { 'content-type': 'text/plain' }).end(`stand-in answered ${request.method} ${request.url}`));
  await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
  standInUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`;
});
afterAll(() => standIn?.close());

describe.concurrent('appsync-local serve --http-endpoint', () => {
  it('sends the HTTP data source’s requests to the endpoint given, and says so at start', async () => {
    const { child, started, exited } = serve(['--http-endpoint', `Web=${standInUrl}`]);
    try {
      const output = await started;
      expect(output).toContain(`HTTP data source Web calls ${standInUrl}`);
      const url = /GraphQL:\s+(\S+)/.exec(output)![1]!;
      const apiKey = /API key:\s+(\S+)/.exec(output)![1]!;
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({ query: '{ http(method: "GET", path: "/items/7") { statusCode body } }' }),
      });
      expect(await response.json()).toEqual({ data: { http: { statusCode: 200, body: 'stand-in answered GET /items/7' } } });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 120_000);

  it('refuses a data source that is not an HTTP one of the API, naming it', async () => {
    const { exited } = serve(['--http-endpoint', `Greeter=${standInUrl}`]);
    const { code, output } = await exited;
    expect(code).toBe(1);
    expect(output).toContain('no HTTP data source named Greeter (given an endpoint)');
  }, 120_000);

  it('refuses a value that is not Name=http(s)://host', async () => {
    const { exited } = serve(['--http-endpoint', 'Web']);
    expect(await exited).toEqual({ code: 2, output: 'Invalid --http-endpoint Web: give it as DataSourceName=http(s)://host[:port]\n' });
  }, 120_000);
});
