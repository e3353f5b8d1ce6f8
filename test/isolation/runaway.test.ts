// A runaway request costs only itself: while one client's resolver loops
// forever or allocates without bound, another client's query is answered, a
// mutation is pushed to a subscriber, and the runaway ends with AppSync's error
// shape on its own. Asked over HTTP and WebSocket of a served API.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { graphql } from '../support/local-appsync.ts';
import { ProtocolClient } from '../support/protocol-client.ts';

const handlers = (request: string, response = 'return ctx.result;') =>
  `export function request(ctx) {\n  ${request}\n}\nexport function response(ctx) {\n  ${response}\n}\n`;

const RESOLVERS: Record<string, [string, string]> = {
  // 10^15 iterations over a small array: it runs until the deadline without allocating.
  'Query.spin': ['none', handlers(`const row = Array(100000).fill(0);\n  for (const a of row) { for (const b of row) { for (const c of row) { row[0] = a + b + c; } } }\n  return { payload: 'done' };`)],
  // Grows without bound: small steps until it has certainly outrun its slice of the server's thread, then 80 KB a
  // round, so a worker's heap is full well within the time limit even on a loaded machine.
  'Query.hog': ['none', handlers(`const all = [1];\n  for (const x of all) { all.push(all.length < 150000 ? [x] : Array(10000).fill(x)); }\n  return { payload: all.length };`)],
  // Calls the witness (an HTTP data source): the call leaves only once the server's thread is free.
  'Query.witness': ['witness', handlers(`return { method: 'GET', resourcePath: '/witness' };`, `return ctx.result.body;`)],
  'Query.ok': ['none', handlers(`return { payload: 'ok' };`)],
  'Mutation.ping': ['none', handlers(`return { payload: { n: ctx.args.n } };`)],
};

/**
 * The spin runs on `quick` until this limit (AppSync's 30 s would be waited out): every
 * assertion made meanwhile needs it not to have passed, on a loaded machine too. The hog
 * runs on `server`, with AppSync's limit: filling a worker's heap takes V8 seconds of
 * garbage collection first.
 */
const EXECUTION_TIMEOUT_MS = 6000;

let server: LocalAppSync;
let quick: LocalAppSync;
let witness: Server;
/** Resolves when the witness is called: by then the server's thread has left the runaway's handler. */
let witnessCalled: (request: IncomingMessage) => void = () => {};

beforeAll(async () => {
  witness = createServer((request, response) => {
    witnessCalled(request);
    response.end('seen');
  });
  await new Promise<void>((done) => witness.listen(0, '127.0.0.1', () => done()));
  const dir = mkdtempSync(join(tmpdir(), 'appsync-runaway-'));
  writeFileSync(
    join(dir, 'schema.graphql'),
    `type Ping { n: Int }
type Query { spin: String hog: Int witness: String ok: String }
type Mutation { ping(n: Int!): Ping }
type Subscription { onPing: Ping @aws_subscribe(mutations: ["ping"]) }
`,
  );
  const resolvers: Record<string, unknown> = {};
  for (const [field, [dataSource, code]] of Object.entries(RESOLVERS)) {
    writeFileSync(join(dir, `${field}.js`), code);
    resolvers[field] = { dataSource, code: `${field}.js` };
  }
  writeFileSync(
    join(dir, 'api.json'),
    JSON.stringify({
      name: 'runaway',
      schema: 'schema.graphql',
      authorization: { default: 'API_KEY' },
      dataSources: { none: { type: 'NONE' }, witness: { type: 'HTTP', endpoint: 'http://witness.invalid' } },
      resolvers,
    }),
  );
  const start = (executionTimeoutMs?: number) =>
    startLocalAppSync({
      declaration: join(dir, 'api.json'),
      port: 0,
      host: '127.0.0.1',
      dataDir: null,
      httpEndpoints: { witness: `http://127.0.0.1:${(witness.address() as AddressInfo).port}` },
      executionTimeoutMs,
    });
  [server, quick] = await Promise.all([start(), start(EXECUTION_TIMEOUT_MS)]);
}, 120_000);
afterAll(async () => {
  await server?.close();
  await quick?.close();
  witness?.close();
});

/** Sends `{ witness <runaway> }` and resolves once the runaway is known to be running off the server's thread. */
async function startRunaway(server: LocalAppSync, field: string) {
  const called = new Promise<IncomingMessage>((resolve) => (witnessCalled = resolve));
  let settled = false;
  const answer = graphql(server, `{ witness ${field} }`).finally(() => (settled = true));
  await called;
  return { answer, isSettled: () => settled };
}

test('a resolver that loops forever: others are answered and pushed to meanwhile, and it ends with "Execution timed out."', async () => {
  const subscriber = await ProtocolClient.connect(quick.realtimeUrl, { apiKey: quick.apiKey });
  try {
    await subscriber.init();
    await subscriber.subscribe('1', 'subscription { onPing { n } }');
    const runaway = await startRunaway(quick, 'spin');

    expect((await graphql(quick, '{ ok }')).body).toEqual({ data: { ok: 'ok' } });
    expect((await graphql(quick, 'mutation { ping(n: 7) { n } }')).body).toEqual({ data: { ping: { n: 7 } } });
    expect((await subscriber.expect('data', '1')).payload).toEqual({ data: { onPing: { n: 7 } } });
    expect(runaway.isSettled()).toBe(false);

    const { body } = await runaway.answer;
    expect(body.data).toEqual({ witness: 'seen', spin: null });
    expect(body.errors).toEqual([expect.objectContaining({ path: ['spin'], errorType: 'ExecutionTimeout', message: 'Execution timed out.' })]);
    expect((await graphql(quick, '{ ok }')).body).toEqual({ data: { ok: 'ok' } });
  } finally {
    subscriber.close();
  }
}, 120_000);

test('a resolver that allocates without bound: others are answered meanwhile, it ends with an error of its own, and the server stays up', async () => {
  const runaway = await startRunaway(server, 'hog');

  expect((await graphql(server, '{ ok }')).body).toEqual({ data: { ok: 'ok' } });
  expect(runaway.isSettled()).toBe(false);

  const { body } = await runaway.answer;
  expect(body.data).toEqual({ witness: 'seen', hog: null });
  expect(body.errors).toEqual([expect.objectContaining({ path: ['hog'], errorType: 'OutOfMemory', message: 'Execution ran out of memory.' })]);
  expect((await graphql(server, '{ ok }')).body).toEqual({ data: { ok: 'ok' } });
}, 120_000);
