// Every escape attempt of cases.ts as a resolver of a served API, asked over
// HTTP: the field fails with a clear error or gets nothing of the host, and the
// server answers a normal query right after.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startLocalAppSync, type LocalAppSync } from '../../../local/server.ts';
import { graphql } from '../../support/local-appsync.ts';
import { ESCAPE_CASES, type EscapeCase } from './cases.ts';

/** The case as a resolver: its value goes out as JSON text, so the test reads back exactly what the handler returned. */
function servedModule(c: EscapeCase): string {
  const inResponse = c.handler === 'response';
  return `import { util, runtime, extensions } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
function attempt(ctx) {
  ${c.body}
}
export function request(ctx) {
  return { payload: ${inResponse ? '{ a: [1] }' : '{ value: attempt(ctx) }'} };
}
export function response(ctx) {
  return JSON.stringify(${inResponse ? 'attempt(ctx)' : 'ctx.result.value'});
}
`;
}

const NORMAL = `export function request(ctx) {\n  return { payload: 'ok' };\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n`;

/** An API with one field per case (`c0`, `c1`, …) and a normal one (`ok`). */
function apiFolder(cases: EscapeCase[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'appsync-escape-'));
  writeFileSync(join(dir, 'schema.graphql'), `type Query {\n  ok: String\n${cases.map((_, i) => `  c${i}: String\n`).join('')}}\n`);
  writeFileSync(join(dir, 'ok.js'), NORMAL);
  const resolvers: Record<string, unknown> = { 'Query.ok': { dataSource: 'none', code: 'ok.js' } };
  cases.forEach((c, i) => {
    writeFileSync(join(dir, `c${i}.js`), servedModule(c));
    resolvers[`Query.c${i}`] = { dataSource: 'none', code: `c${i}.js` };
  });
  writeFileSync(
    join(dir, 'api.json'),
    JSON.stringify({ name: 'escape', schema: 'schema.graphql', authorization: { default: 'API_KEY' }, dataSources: { none: { type: 'NONE' } }, resolvers }),
  );
  return join(dir, 'api.json');
}

const HOST_PATH = /\/work\/|node_modules|node:|\.ts:/;
const running = ESCAPE_CASES.filter((c) => !c.refused && !c.unbundledOnly);
let server: LocalAppSync;

beforeAll(async () => {
  server = await startLocalAppSync({ declaration: apiFolder(running), port: 0, host: '127.0.0.1', dataDir: null });
}, 120_000);
afterAll(() => server?.close());

async function expectNormalQueryAnswered() {
  expect((await graphql(server, '{ ok }')).body).toEqual({ data: { ok: 'ok' } });
}

describe.each(running.map((c, i) => ({ ...c, field: `c${i}` })))('escape through a served API: $name', (c) => {
  test('fails or gets nothing of the host, and the server answers a normal query after', async () => {
    const { status, body } = await graphql(server, `{ ${c.field} }`);
    expect(status).toBe(200);
    if ('error' in c.expect) {
      expect(body.data).toEqual({ [c.field]: null });
      expect(body.errors).toEqual([expect.objectContaining({ path: [c.field], message: expect.stringMatching(c.expect.error) })]);
    } else {
      expect(body.errors).toBeUndefined();
      expect(JSON.parse((body.data as Record<string, string>)[c.field]!)).toEqual(c.expect.value);
    }
    expect(JSON.stringify(body)).not.toMatch(HOST_PATH);
    await expectNormalQueryAnswered();
  });
});

describe.each(ESCAPE_CASES.filter((c) => c.refused))('refused before it runs, in a served API: $name', (c) => {
  test('the API does not start, naming the attempt; the running server still answers', async () => {
    const start = startLocalAppSync({ declaration: apiFolder([c]), port: 0, host: '127.0.0.1', dataDir: null });
    const error = await start.then(
      (started) => started.close().then(() => new Error('started')),
      (thrown: Error) => thrown,
    );
    expect(error.message).toMatch((c.expect as { error: RegExp }).error);
    await expectNormalQueryAnswered();
  }, 120_000);
});
