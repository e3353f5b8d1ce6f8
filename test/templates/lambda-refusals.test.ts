// What a template's Lambda function cannot be locally, said where it is used: a field
// whose data source calls it answers an error naming the function and why (the rest of
// the API serves); an authorizer that cannot run stops the API from starting, naming it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadApiSource } from '../../local/declaration/source.ts';

const api = (resources: string, auth = 'AuthenticationType: API_KEY') => `
Resources:
  Api:
    Type: AWS::AppSync::GraphQLApi
    Properties:
      Name: refusals
      ${auth}
  Schema:
    Type: AWS::AppSync::GraphQLSchema
    Properties: { ApiId: !GetAtt Api.ApiId, Definition: 'type Query { f: String }' }
${resources}
  Resolver:
    Type: AWS::AppSync::Resolver
    Properties: { ApiId: !GetAtt Api.ApiId, TypeName: Query, FieldName: f, DataSourceName: fn }
`;
const dataSource = (arn: string) => `
  Source:
    Type: AWS::AppSync::DataSource
    Properties: { ApiId: !GetAtt Api.ApiId, Name: fn, Type: AWS_LAMBDA, LambdaConfig: { LambdaFunctionArn: ${arn} } }`;
const fn = (properties: string, handler = 'index.handler') => `
  Fn:
    Type: AWS::Lambda::Function
    Properties: { FunctionName: my-function, Runtime: nodejs20.x, Handler: ${handler}, ${properties} }`;

function load(text: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'lambda-refusals-')), 'template.yaml');
  writeFileSync(file, text);
  return loadApiSource(file);
}

describe("a template's Lambda function that cannot run locally", () => {
  it('leaves its field unsupported when the handler module is not in its code', () => {
    const { unsupported } = load(api(fn("Code: { ZipFile: 'exports.handler = 1' }", 'lib/app.handler') + dataSource('!GetAtt Fn.Arn')));
    expect(unsupported!['Query.f']).toMatch(/^its data source fn calls the Lambda function my-function, which cannot run locally: .*Handler: no lib\/app\.js, \.mjs or \.cjs in its code/);
  });

  it('leaves its field unsupported when its S3 code is no asset of the deployment', () => {
    const { unsupported } = load(api(fn('Code: { S3Bucket: my-bucket, S3Key: code.zip }') + dataSource('!GetAtt Fn.Arn')));
    expect(unsupported!['Query.f']).toMatch(/my-function, which cannot run locally: .*s3:\/\/my-bucket\/code\.zip is not a file asset/);
  });

  it('leaves its field unsupported when the function is not in the template', () => {
    const { unsupported, lambdaFunctions } = load(api(dataSource("'arn:aws:lambda:us-east-1:111122223333:function:elsewhere'")));
    expect(unsupported!['Query.f']).toBe(
      'its data source fn calls the Lambda function arn:aws:lambda:us-east-1:111122223333:function:elsewhere, which is not in the template: the local AppSync runs only the functions it deploys',
    );
    expect(lambdaFunctions).toEqual({});
  });

  it('finds the function behind an alias ARN', () => {
    const { lambdaFunctions, dataSources } = load(api(fn("Code: { ZipFile: 'exports.handler = async () => 1' }") + dataSource("!Sub '${Fn.Arn}:live'")));
    expect(dataSources.fn).toEqual({ type: 'AWS_LAMBDA', function: 'my-function' });
    expect(lambdaFunctions['my-function']).toMatchObject({ asDeployed: true, timeout: 3, memorySize: 128 });
  });

  it('refuses to start an API whose authorizer cannot run, naming it', () => {
    const python = `
  Authorizer:
    Type: AWS::Lambda::Function
    Properties: { FunctionName: py-authorizer, Runtime: python3.12, Handler: index.handler, Code: { ZipFile: 'def handler(e, c): pass' } }
  Source:
    Type: AWS::AppSync::DataSource
    Properties: { ApiId: !GetAtt Api.ApiId, Name: fn, Type: NONE }`;
    const auth = 'AuthenticationType: AWS_LAMBDA\n      LambdaAuthorizerConfig: { AuthorizerUri: !GetAtt Authorizer.Arn }';
    expect(() => load(api(python, auth).replace('DataSourceName: fn }', "DataSourceName: fn, Runtime: { Name: APPSYNC_JS, RuntimeVersion: 1.0.0 }, Code: 'export const request = () => ({}); export const response = () => 1;' }"))).toThrow(
      /LambdaAuthorizerConfig\.AuthorizerUri: the authorizer calls the Lambda function py-authorizer, which cannot run locally: .*python3\.12 is not run locally: only Node\.js/,
    );
  });
});
