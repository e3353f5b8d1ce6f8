// A CDK app whose API calls Lambda functions (aws-cdk-lib's lambda.Function, code from
// an asset folder and inline, and a NodejsFunction), an HTTP endpoint, a Lambda authorizer
// and an OpenID Connect provider, synthesised in-process and served from its cdk.out: the functions
// run from their own code asset with the template's Handler, Environment (intrinsics
// resolved) and Timeout; MaxBatchSize batches a direct resolver; the authorizer and the
// OIDC issuer the template names decide who gets in.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as appsync from 'aws-cdk-lib/aws-appsync';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { graphql } from '../support/local-appsync.ts';
import { startOidcIssuer, type OidcIssuer } from '../support/oidc-issuer.ts';

const FIXTURES = 'test/templates/fixtures/cdk-lambda';
const js = (...lines: string[]) => appsync.Code.fromInline(lines.join('\n'));
const JS = appsync.FunctionRuntime.JS_1_0_0;

function synthesise(outdir: string, oidcIssuer: string) {
  const validation = process.env.CDK_VALIDATION;
  process.env.CDK_VALIDATION = 'false';
  const app = new App({ outdir });
  const stack = new Stack(app, 'LambdaStack');
  const table = new dynamodb.Table(stack, 'Orders', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });
  const code = lambda.Code.fromAsset(join(FIXTURES, 'functions'));
  const node = (id: string, handler: string, props: Partial<lambda.FunctionProps> = {}) =>
    new lambda.Function(stack, id, { runtime: lambda.Runtime.NODEJS_20_X, code, handler, ...props });
  const greet = node('Greet', 'index.greet', { environment: { GREETING: 'Hello', TABLE: table.tableName } });
  const authorizer = node('Authorizer', 'authorizer.handler');
  const api = new appsync.GraphqlApi(stack, 'Api', {
    name: 'lambda-api',
    definition: appsync.Definition.fromFile(join(FIXTURES, 'schema.graphql')),
    authorizationConfig: {
      defaultAuthorization: { authorizationType: appsync.AuthorizationType.API_KEY },
      additionalAuthorizationModes: [
        { authorizationType: appsync.AuthorizationType.LAMBDA, lambdaAuthorizerConfig: { handler: authorizer, resultsCacheTtl: Duration.seconds(0) } },
        { authorizationType: appsync.AuthorizationType.OIDC, openIdConnectConfig: { oidcProvider: oidcIssuer, clientId: 'cdk-app' } },
      ],
    },
  });
  api.addLambdaDataSource('greeter', greet).createResolver('GreetResolver', {
    typeName: 'Query',
    fieldName: 'greet',
    runtime: JS,
    code: js(
      "export const request = (ctx) => ({ operation: 'Invoke', payload: { name: ctx.args.name } });",
      'export const response = (ctx) => JSON.stringify(ctx.result);',
    ),
  });
  const none = api.addNoneDataSource('none');
  none.createResolver('AuthorsResolver', {
    typeName: 'Query',
    fieldName: 'authors',
    runtime: JS,
    code: js('export const request = () => ({});', "export const response = () => ['ada', 'bob', 'cy'].map((name) => ({ name }));"),
  });
  none.createResolver('SecretResolver', {
    typeName: 'Query',
    fieldName: 'secret',
    runtime: JS,
    code: js('export const request = () => ({});', "export const response = () => 'classified';"),
  });
  // Direct Lambda resolvers: no code, AppSync's default event.
  api.addLambdaDataSource('bios', node('Bios', 'index.bios')).createResolver('BioResolver', { typeName: 'Author', fieldName: 'bio', maxBatchSize: 2 });
  api.addLambdaDataSource('whoami', node('Whoami', 'index.whoami')).createResolver('WhoamiResolver', { typeName: 'Query', fieldName: 'whoami' });
  api.addLambdaDataSource('slow', node('Slow', 'index.slow', { timeout: Duration.seconds(1) })).createResolver('SlowResolver', { typeName: 'Query', fieldName: 'slow' });
  const inline = new lambda.Function(stack, 'Inline', {
    runtime: lambda.Runtime.NODEJS_20_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline("exports.handler = async () => 'from inline code';"),
  });
  api.addLambdaDataSource('inline', inline).createResolver('InlineResolver', { typeName: 'Query', fieldName: 'inline' });
  // Bundled at synth by CDK with the project's esbuild, as `cdk synth` would.
  const typed = new NodejsFunction(stack, 'Typed', {
    entry: join(FIXTURES, 'nodejs-function/handler.ts'),
    runtime: lambda.Runtime.NODEJS_20_X,
    environment: { GREETING: 'Hi' },
    projectRoot: process.cwd(),
    depsLockFilePath: 'package-lock.json',
  });
  api.addLambdaDataSource('typed', typed).createResolver('TypedResolver', { typeName: 'Query', fieldName: 'typed' });
  const python = new lambda.Function(stack, 'Python', {
    runtime: lambda.Runtime.PYTHON_3_12,
    handler: 'index.handler',
    code: lambda.Code.fromInline('def handler(event, context):\n    return "python"\n'),
  });
  api.addLambdaDataSource('python', python).createResolver('PythonResolver', { typeName: 'Query', fieldName: 'python' });
  api.addHttpDataSource('prices', 'https://prices.example.com').createResolver('PriceResolver', {
    typeName: 'Query',
    fieldName: 'price',
    runtime: JS,
    code: js(
      "export const request = (ctx) => ({ method: 'GET', resourcePath: `/prices/${ctx.args.item}` });",
      'export const response = (ctx) => ctx.result.body;',
    ),
  });
  try {
    return app.synth().directory;
  } finally {
    if (validation === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = validation;
  }
}

let cdkOut: string;
let issuer: OidcIssuer;
let prices: http.Server;
let server: LocalAppSync;
beforeAll(async () => {
  issuer = await startOidcIssuer({ clientId: 'cdk-app' });
  prices = http.createServer((request, response) => response.end(`${request.url} costs 3 EUR`));
  await new Promise<void>((resolve) => prices.listen(0, '127.0.0.1', resolve));
  cdkOut = synthesise(mkdtempSync(join(tmpdir(), 'cdk-lambda-')), issuer.issuer);
  server = await startLocalAppSync({
    declaration: cdkOut,
    port: 0,
    host: '127.0.0.1',
    dataDir: null,
    httpEndpoints: { prices: `http://127.0.0.1:${(prices.address() as AddressInfo).port}` },
  });
}, 180_000);
afterAll(async () => {
  await server?.close();
  await issuer?.close();
  prices?.close();
  if (cdkOut) rmSync(cdkOut, { recursive: true, force: true });
});

const withToken = (token: string, query: string) => graphql(server, query, {}, { authorization: token });

describe('Lambda functions of a CDK app', () => {
  it('run their code asset with the Handler and Environment of the template, the table name resolved', async () => {
    const { body } = await graphql(server, '{ greet(name: "Ada") }');
    expect(body.errors).toBeUndefined();
    const answer = JSON.parse(body.data.greet);
    expect(answer.greeting).toBe('Hello, Ada');
    expect(answer.table).toBe(Object.keys(server.api.declaration.tables)[0]);
    expect(answer.functionName).toMatch(/^LambdaStack-Greet/);
  });

  it('batch a direct resolver by its MaxBatchSize', async () => {
    const { body } = await graphql(server, '{ authors { name bio } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.authors).toEqual([
      { name: 'ada', bio: 'ada, one of a batch of 2' },
      { name: 'bob', bio: 'bob, one of a batch of 2' },
      { name: 'cy', bio: 'cy, one of a batch of 1' },
    ]);
  });

  it('run inline ZipFile code', async () => {
    const { body } = await graphql(server, '{ inline }');
    expect(body).toEqual({ data: { inline: 'from inline code' } });
  });

  it("run a NodejsFunction's bundle", async () => {
    const { body } = await graphql(server, '{ typed(name: "Ada") }');
    expect(body).toEqual({ data: { typed: 'Hi, Ada, from TypeScript' } });
  });

  it("stop a function at the template's Timeout, as Lambda's error", async () => {
    const { body } = await graphql(server, '{ slow }');
    expect(body.data.slow).toBeNull();
    expect(body.errors![0]).toMatchObject({ errorType: 'Lambda:Unhandled', message: expect.stringContaining('Task timed out after 1.00 seconds') });
  });

  it('answer a clear error, naming the function, for a runtime other than Node.js; the rest serves', async () => {
    const { body } = await graphql(server, '{ python inline }');
    expect(body.data).toEqual({ python: null, inline: 'from inline code' });
    expect(body.errors![0].errorType).toBe('UnsupportedOperation');
    expect(body.errors![0].message).toMatch(/Query\.python .*Lambda function LambdaStack-Python\w*-\w+.*python3\.12 is not run locally: only Node\.js/);
  });
});

describe('an HTTP data source of a CDK app', () => {
  it('calls the endpoint it is pointed at locally', async () => {
    const { body } = await graphql(server, '{ price(item: "tea") }');
    expect(body).toEqual({ data: { price: '/prices/tea costs 3 EUR' } });
  });
});

describe("the template's Lambda authorizer", () => {
  it('lets its callers in with their resolverContext', async () => {
    const { status, body } = await withToken('allow-ada', '{ whoami greet(name: "Ada") }');
    expect(status).toBe(200);
    expect(JSON.parse(body.data.whoami)).toEqual({ resolverContext: { user: 'ada' } });
    expect(JSON.parse(body.data.greet).greeting).toBe('Hello, Ada');
  });

  it('refuses whom it refuses', async () => {
    const { status, body } = await withToken('let-me-in', '{ whoami }');
    expect(status).toBe(401);
    expect(body.errors![0].errorType).toBe('UnauthorizedException');
  });

  it('denies its deniedFields', async () => {
    const { body } = await withToken('allow-limited', '{ secret whoami }');
    expect(body.data.secret).toBeNull();
    expect(body.errors).toEqual([expect.objectContaining({ errorType: 'Unauthorized', path: ['secret'] })]);
    expect(JSON.parse(body.data.whoami).resolverContext.user).toBe('limited');
  });
});

describe("the template's OpenID Connect provider", () => {
  it('admits a token of its issuer for its client id', async () => {
    const { status, body } = await withToken(await issuer.token({ sub: 'oidc-user' }), '{ whoami }');
    expect(status).toBe(200);
    expect(JSON.parse(body.data.whoami)).toMatchObject({ sub: 'oidc-user', issuer: issuer.issuer });
  });

  it('refuses a token for another client id', async () => {
    const { status } = await withToken(await issuer.token({ aud: 'another-app' }), '{ whoami }');
    expect(status).toBe(401);
  });
});
