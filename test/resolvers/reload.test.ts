// Hot reload: new code is swapped in when all of it is good; a bad change leaves
// the last good version serving and says why.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createApi, type LocalApi } from '../../local/api.ts';
import { parseDeclaration } from '../../local/declaration/declaration.ts';
import { executeRequest } from '../../local/graphql/execute.ts';
import { reloadCode, watchCode } from '../../local/resolvers/reload.ts';
import { RequestState } from '../../local/resolvers/request-state.ts';
import { CodeValidationError } from '../../local/runtime/validation/index.ts';
import type { DynamoDbEngine } from '../../local/store/engine.ts';

const resolver = (value: string, extra = '') =>
  `export function request(ctx) {\n  ${extra}return { payload: ${JSON.stringify(value)} };\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n`;

function startApi() {
  const dir = mkdtempSync(join(tmpdir(), 'appsync-reload-'));
  writeFileSync(join(dir, 'schema.graphql'), 'type Query { hello: String }');
  const code = join(dir, 'Query.hello.js');
  writeFileSync(code, resolver('first'));
  const declaration = parseDeclaration(
    {
      name: 'reload',
      schema: 'schema.graphql',
      authorization: { default: 'API_KEY' },
      dataSources: { none: { type: 'NONE' } },
      resolvers: { 'Query.hello': { dataSource: 'none', code: 'Query.hello.js' } },
    },
    join(dir, 'api.json'),
  );
  return { api: createApi(declaration, {} as DynamoDbEngine), code };
}

async function hello(api: LocalApi) {
  const state = new RequestState({ headers: {}, domainName: null, identity: null, env: {} }, 'API Key Authorization');
  return (await executeRequest(api.schema, api.fieldResolver, { query: '{ hello }' }, state)).body.data;
}

describe('hot reload', () => {
  test('changed code serves after a reload', async () => {
    const { api, code } = startApi();
    writeFileSync(code, resolver('second'));
    expect(reloadCode(api)).toEqual([code]);
    expect(await hello(api)).toEqual({ hello: 'second' });
  });

  test('a bad change is refused and the last good version keeps serving', async () => {
    const { api, code } = startApi();
    writeFileSync(code, resolver('broken', `throw new Error('no'); `));
    expect(() => reloadCode(api)).toThrow(CodeValidationError);
    expect(await hello(api)).toEqual({ hello: 'first' });
  });

  test('the watcher reloads when a file changes', async () => {
    const { api, code } = startApi();
    const reloaded = new Promise<string[]>((resolve, reject) => {
      const watcher = watchCode(api, {
        onReload: (files) => {
          watcher.close();
          resolve(files);
        },
        onError: reject,
        debounceMs: 20,
      });
    });
    writeFileSync(code, resolver('watched'));
    expect((await reloaded).some((file) => file.endsWith('Query.hello.js'))).toBe(true);
    expect(await hello(api)).toEqual({ hello: 'watched' });
  });
});
