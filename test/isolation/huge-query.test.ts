// A huge query costs only itself: one over the token limit is refused before it is
// parsed in full, and a long one is validated off the server's thread while other
// clients are answered; each gets its own answer, and a normal client is served after.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { graphql } from '../support/local-appsync.ts';
import { writeNoneApi } from '../support/none-api.ts';

let server: LocalAppSync;

beforeAll(async () => {
  const declaration = writeNoneApi({
    name: 'huge-query',
    schema: 'type Query { ok: String q: Query }\n',
    resolvers: { 'Query.ok': "export function request(ctx) {\n  return { payload: 'ok' };\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n" },
    authorization: { default: 'API_KEY' },
  });
  server = await startLocalAppSync({ declaration, port: 0, host: '127.0.0.1', dataDir: null });
}, 120_000);
afterAll(() => server?.close());

const copies = (text: (i: number) => string, n: number) => Array.from({ length: n }, (_, i) => text(i)).join(' ');

test('a 25,000-alias query of ~990 KB is refused at 15,000 tokens with a syntax error, and a normal client is served right after', async () => {
  const query = `{ ${copies((i) => `alias_${String(i).padStart(5, '0')}_of_a_query_far_too_lon: ok`, 25_000)} }`;
  expect(query.length).toBeGreaterThan(950_000);
  expect(query.length).toBeLessThan(1_000_000);

  const { status, body } = await graphql(server, query);
  expect(status).toBe(200);
  expect(body).toEqual({
    data: null,
    errors: [expect.objectContaining({ message: 'Syntax Error: Document contains more that 15000 tokens. Parsing aborted.', errorType: null, path: null })],
  });
  expect((await graphql(server, '{ ok }')).body).toEqual({ data: { ok: 'ok' } });
}, 120_000);

test('while a long query is validated, another client is answered before it; then it gets its own answer', async () => {
  // 400 times the same field: validation compares every pair (about half a second of CPU), and the query is valid.
  const long = `{ ${copies(() => 'x: q { ok }', 400)} }`;
  const order: string[] = [];
  const longAnswer = graphql(server, long).then((answer) => (order.push('long'), answer));
  const shortAnswer = graphql(server, '{ ok }').then((answer) => (order.push('short'), answer));

  expect((await shortAnswer).body).toEqual({ data: { ok: 'ok' } });
  expect((await longAnswer).body).toEqual({ data: { x: null } });
  expect(order).toEqual(['short', 'long']);
  expect((await graphql(server, '{ ok }')).body).toEqual({ data: { ok: 'ok' } });
}, 120_000);
