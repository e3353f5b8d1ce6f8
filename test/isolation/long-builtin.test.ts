// One built-in call that would allocate gigabytes or backtrack for hours costs only
// its own request: a call sized past what a worker's heap holds is refused with
// OutOfMemory before it allocates, a catastrophic regular expression is finished by
// V8's linear-time engine, and a normal client is served right after.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { graphql } from '../support/local-appsync.ts';
import { writeNoneApi } from '../support/none-api.ts';

const handlers = (request: string) => `export function request(ctx) {\n  ${request}\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n`;

let server: LocalAppSync;

beforeAll(async () => {
  const declaration = writeNoneApi({
    name: 'long-builtin',
    schema: 'type Query { ok: String fill: Int join: Int backtrack: Boolean reverse: Int }\n',
    resolvers: {
      'Query.ok': handlers(`return { payload: 'ok' };`),
      // 400 million numbers: 3.2 GB in one call.
      'Query.fill': handlers(`return { payload: Array(400000000).fill(0).length };`),
      // 300 million characters in one call, past a worker's heap.
      'Query.join': handlers(`return { payload: Array(300000000).join('x').length };`),
      // Exponential backtracking: 2^40 paths tried on V8's backtracking engine.
      // A billion holes walked in one call: V8 takes tens of seconds, without allocating.
      'Query.reverse': handlers(`const a = [];\n  a.length = 1000000000;\n  return { payload: a.reverse().length };`),
      'Query.backtrack': handlers(`return { payload: new RegExp('(a+)+$').test('${'a'.repeat(40)}b') };`),
    },
    authorization: { default: 'API_KEY' },
  });
  // 5 s instead of AppSync's 30: the walk ends at the deadline on a worker.
  server = await startLocalAppSync({ declaration, port: 0, host: '127.0.0.1', dataDir: null, executionTimeoutMs: 5_000 });
}, 120_000);
afterAll(() => server?.close());

const outOfMemory = (field: string) => ({ data: { [field]: null }, errors: [expect.objectContaining({ path: [field], errorType: 'OutOfMemory', message: 'Execution ran out of memory.' })] });

test('Array(4e8).fill(0), 3.2 GB in one call, ends with OutOfMemory, the server stays up, and a normal client is served right after', async () => {
  expect((await graphql(server, '{ fill }')).body).toEqual(outOfMemory('fill'));
  expect((await graphql(server, '{ ok }')).body).toEqual({ data: { ok: 'ok' } });
}, 120_000);

test("Array(3e8).join('x'), 300 million characters in one call, ends with OutOfMemory, and a normal client is served right after", async () => {
  expect((await graphql(server, '{ join }')).body).toEqual(outOfMemory('join'));
  expect((await graphql(server, '{ ok }')).body).toEqual({ data: { ok: 'ok' } });
}, 120_000);

test('a regular expression that backtracks catastrophically gets its answer, and a normal client is served right after', async () => {
  expect((await graphql(server, '{ backtrack }')).body).toEqual({ data: { backtrack: false } });
  expect((await graphql(server, '{ ok }')).body).toEqual({ data: { ok: 'ok' } });
}, 120_000);

test('a.reverse() of a billion holes moves off the server: a normal client sent meanwhile is answered first, and the walk ends at the deadline', async () => {
  const answered: string[] = [];
  const hostile = graphql(server, '{ reverse }').then((answer) => (answered.push('reverse'), answer));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const other = graphql(server, '{ ok }').then((answer) => (answered.push('ok'), answer));
  expect((await other).body).toEqual({ data: { ok: 'ok' } });
  expect((await hostile).body).toEqual({
    data: { reverse: null },
    errors: [expect.objectContaining({ path: ['reverse'], errorType: 'ExecutionTimeout' })],
  });
  expect(answered).toEqual(['ok', 'reverse']);
}, 120_000);
