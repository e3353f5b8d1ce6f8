// Hot reload of a template's Lambda functions: written again with new inline code or
// new settings, or with its code folder edited, the function answers from the new code
// in a fresh environment (a warm one would keep the old module); a function added or
// removed needs a restart, and says so.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { reloadTemplate } from '../../local/templates/reload.ts';
import { graphql } from '../support/local-appsync.ts';

const template = (inline: string, greeting: string, extraFunction = '') => `
Resources:
  Api:
    Type: AWS::AppSync::GraphQLApi
    Properties: { Name: reload-lambda, AuthenticationType: API_KEY }
  Schema:
    Type: AWS::AppSync::GraphQLSchema
    Properties: { ApiId: !GetAtt Api.ApiId, Definition: 'type Query { inline: String folder: String }' }
  InlineFn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Code: { ZipFile: ${JSON.stringify(inline)} }
  FolderFn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: app.handler
      Code: ./folder-fn
      Environment: { Variables: { GREETING: ${greeting} } }
${extraFunction}
  InlineSource:
    Type: AWS::AppSync::DataSource
    Properties: { ApiId: !GetAtt Api.ApiId, Name: inline, Type: AWS_LAMBDA, LambdaConfig: { LambdaFunctionArn: !GetAtt InlineFn.Arn } }
  FolderSource:
    Type: AWS::AppSync::DataSource
    Properties: { ApiId: !GetAtt Api.ApiId, Name: folder, Type: AWS_LAMBDA, LambdaConfig: { LambdaFunctionArn: !GetAtt FolderFn.Arn } }
  InlineResolver:
    Type: AWS::AppSync::Resolver
    Properties: { ApiId: !GetAtt Api.ApiId, TypeName: Query, FieldName: inline, DataSourceName: inline }
  FolderResolver:
    Type: AWS::AppSync::Resolver
    Properties: { ApiId: !GetAtt Api.ApiId, TypeName: Query, FieldName: folder, DataSourceName: folder }
`;
const folderCode = (word: string) => `exports.handler = async () => process.env.GREETING + ' from ${word}';\n`;

let root: string;
let file: string;
let server: LocalAppSync;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'template-reload-lambda-'));
  file = join(root, 'api.yaml');
  mkdirSync(join(root, 'folder-fn'));
  writeFileSync(join(root, 'folder-fn', 'app.js'), folderCode('the first file'));
  writeFileSync(file, template("exports.handler = async () => 'first inline'", 'Hello'));
  server = await startLocalAppSync({ declaration: file, port: 0, host: '127.0.0.1', dataDir: null });
});
afterAll(() => server?.close());

const ask = async () => (await graphql(server, '{ inline folder }')).body;

describe("reloading a template's Lambda functions", () => {
  it('runs new inline code and new environment variables once the template is written again', async () => {
    expect(await ask()).toEqual({ data: { inline: 'first inline', folder: 'Hello from the first file' } });
    writeFileSync(file, template("exports.handler = async () => 'second inline'", 'Bonjour'));
    reloadTemplate(server.api, file);
    expect(await ask()).toEqual({ data: { inline: 'second inline', folder: 'Bonjour from the first file' } });
  });

  it('runs the edited file of a code folder', async () => {
    writeFileSync(join(root, 'folder-fn', 'app.js'), folderCode('the edited file'));
    reloadTemplate(server.api, file);
    expect((await ask()).data.folder).toBe('Bonjour from the edited file');
  });

  it('asks for a restart when a function is added, and keeps serving', async () => {
    const extra = '  ExtraFn:\n    Type: AWS::Lambda::Function\n    Properties: { Runtime: nodejs20.x, Handler: index.handler, Code: { ZipFile: "exports.handler = async () => 1" } }';
    const extraSource = '  ExtraSource:\n    Type: AWS::AppSync::DataSource\n    Properties: { ApiId: !GetAtt Api.ApiId, Name: extra, Type: AWS_LAMBDA, LambdaConfig: { LambdaFunctionArn: !GetAtt ExtraFn.Arn } }';
    writeFileSync(file, template("exports.handler = async () => 'second inline'", 'Bonjour', `${extra}\n${extraSource}`));
    expect(() => reloadTemplate(server.api, file)).toThrow(/restart appsync-local serve/);
    expect((await ask()).data.inline).toBe('second inline');
  });
});
