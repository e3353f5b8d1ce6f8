// Each request starts clean, as in AppSync (no state of one request is visible
// to another): built-ins cannot be changed, and a module's top-level state lasts
// one request. Asked over HTTP of a served API.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { graphql } from '../support/local-appsync.ts';

const resolver = (request: string) =>
  `export function request(ctx) {\n  ${request}\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n`;

const RESOLVERS: Record<string, string> = {
  'Query.pollute': resolver(`Object.prototype.polluted = 'yes'; return { payload: 'changed' };`),
  'Query.readPollution': resolver(`return { payload: String(({}).polluted) };`),
  'Query.replaceBuiltin': resolver(`Array.prototype.map = () => ['replaced']; return { payload: 'changed' };`),
  'Query.useBuiltin': resolver(`return { payload: [1, 2].map((n) => String(n * 2)).join(',') };`),
  'Query.overrides': resolver(
    `const item = {}; item.toString = 'own'; item.constructor = 'own too'; const error = new Error('first'); error.message = 'second';\n  return { payload: [item.toString, item.constructor, error.message, ({}).toString === item.toString].join(',') };`,
  ),
  'Query.items': resolver(`return { payload: [{}, {}, {}] };`),
  'Item.n': `let calls = 0;\nexport function request(ctx) {\n  calls = calls + 1;\n  return { payload: calls };\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n`,
};

let server: LocalAppSync;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'appsync-clean-'));
  writeFileSync(
    join(dir, 'schema.graphql'),
    `type Item { n: Int }\ntype Query {\n  pollute: String\n  readPollution: String\n  replaceBuiltin: String\n  useBuiltin: String\n  overrides: String\n  items: [Item]\n}\n`,
  );
  const resolvers: Record<string, unknown> = {};
  for (const [field, code] of Object.entries(RESOLVERS)) {
    writeFileSync(join(dir, `${field}.js`), code);
    resolvers[field] = { dataSource: 'none', code: `${field}.js` };
  }
  writeFileSync(join(dir, 'api.json'), JSON.stringify({ name: 'clean', schema: 'schema.graphql', authorization: { default: 'API_KEY' }, dataSources: { none: { type: 'NONE' } }, resolvers }));
  server = await startLocalAppSync({ declaration: join(dir, 'api.json'), port: 0, host: '127.0.0.1', dataDir: null });
}, 120_000);
afterAll(() => server?.close());

test('adding to Object.prototype fails for that request alone, and the next request sees nothing of it', async () => {
  const { body } = await graphql(server, '{ pollute }');
  expect(body.errors).toEqual([expect.objectContaining({ path: ['pollute'], message: expect.stringMatching(/Cannot add property polluted, object is not extensible/) })]);
  expect((await graphql(server, '{ readPollution }')).body).toEqual({ data: { readPollution: 'undefined' } });
});

test('replacing a built-in method fails for that request alone, and the next request gets the real one', async () => {
  const { body } = await graphql(server, '{ replaceBuiltin }');
  expect(body.errors).toEqual([expect.objectContaining({ path: ['replaceBuiltin'], message: expect.stringMatching(/Cannot assign to read only property 'map'/) })]);
  expect((await graphql(server, '{ useBuiltin }')).body).toEqual({ data: { useBuiltin: '2,4' } });
});

test('a property a built-in prototype also has can still be set on an object of the resolver\'s own', async () => {
  expect((await graphql(server, '{ overrides }')).body).toEqual({ data: { overrides: 'own,own too,second,false' } });
});

test('module-level state lasts one request: every request starts from the module\'s top level again', async () => {
  const first = await graphql(server, '{ items { n } }');
  const second = await graphql(server, '{ items { n } }');
  expect(first.body).toEqual({ data: { items: [{ n: 1 }, { n: 2 }, { n: 3 }] } });
  expect(second.body).toEqual(first.body);
});
