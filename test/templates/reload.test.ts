// Hot reload of a template: written again with new resolver code, it serves the new
// code; a bad change or one beyond code leaves the last good version serving and says why.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeValidationError } from '../../local/runtime/validation/index.ts';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { reloadTemplate, watchTemplate } from '../../local/templates/reload.ts';
import { graphql } from '../support/local-appsync.ts';

const template = (answer: string, schema = 'type Query { hello: String }', extra = '') => `
Resources:
  Api:
    Type: AWS::AppSync::GraphQLApi
    Properties: { Name: reload, AuthenticationType: API_KEY }
  Schema:
    Type: AWS::AppSync::GraphQLSchema
    Properties: { ApiId: !GetAtt Api.ApiId, Definition: '${schema}' }
  None:
    Type: AWS::AppSync::DataSource
    Properties: { ApiId: !GetAtt Api.ApiId, Name: none, Type: NONE }
  Hello:
    Type: AWS::AppSync::Resolver
    Properties:
      ApiId: !GetAtt Api.ApiId
      TypeName: Query
      FieldName: hello
      DataSourceName: none
      Runtime: { Name: APPSYNC_JS, RuntimeVersion: 1.0.0 }
      Code: |
        export function request() { ${extra}return { payload: ${JSON.stringify(answer)} }; }
        export const response = (ctx) => ctx.result;
`;

let file: string;
let server: LocalAppSync;
beforeAll(async () => {
  file = join(mkdtempSync(join(tmpdir(), 'template-reload-')), 'api.yaml');
  writeFileSync(file, template('first'));
  server = await startLocalAppSync({ declaration: file, port: 0, host: '127.0.0.1', dataDir: null });
});
afterAll(() => server?.close());

const hello = async () => (await graphql(server, '{ hello }')).body.data;

describe('reloading a template', () => {
  it('serves the new code once the template is written again', async () => {
    writeFileSync(file, template('second'));
    expect(reloadTemplate(server.api, file)).toEqual([`${file}#Hello`]);
    expect(await hello()).toEqual({ hello: 'second' });
  });

  it('refuses bad code, and the last good version keeps serving', async () => {
    writeFileSync(file, template('third'));
    reloadTemplate(server.api, file);
    writeFileSync(file, template('broken', undefined, "throw new Error('no'); "));
    expect(() => reloadTemplate(server.api, file)).toThrow(CodeValidationError);
    expect(await hello()).toEqual({ hello: 'third' });
  });

  it('asks for a restart when more than code changed, and keeps serving', async () => {
    writeFileSync(file, template('fourth', 'type Query { hello: String, bye: String }'));
    expect(() => reloadTemplate(server.api, file)).toThrow(`${file} changed more than resolver code (schema, tables, data sources or wiring): restart appsync-local serve to pick it up`);
    expect(await hello()).toEqual({ hello: 'third' });
  });

  it('the watcher reloads when the template is written', async () => {
    const reloaded = new Promise<string[]>((resolve, reject) => {
      const watcher = watchTemplate(server.api, file, {
        debounceMs: 50,
        onReload: (files) => {
          watcher.close();
          resolve(files);
        },
        onError: (error) => {
          watcher.close();
          reject(error);
        },
      });
      writeFileSync(file, template('watched'));
    });
    expect(await reloaded).toEqual([`${file}#Hello`]);
    expect(await hello()).toEqual({ hello: 'watched' });
  });
});
