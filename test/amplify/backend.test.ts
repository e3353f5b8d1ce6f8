// The cloud deployment, synthesised offline: amplify/ must deploy exactly what
// api.json declares, with exactly the code the local AppSync runs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnElement } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineApi, type DeployedApi } from '../../amplify/api/define-api.ts';
import { bundleApi, type CodeBundles } from '../../local/declaration/bundle.ts';
import { loadDeclaration, type ApiDeclaration } from '../../local/declaration/declaration.ts';

const AMPLIFY_CONTEXT = { 'amplify-backend-namespace': 'app', 'amplify-backend-name': 'main', 'amplify-backend-type': 'sandbox' };
const APPSYNC_JS = { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' };

type Resource = { logicalId: string; props: Record<string, any>; resource: Record<string, any> };

function resources(template: Template, type: string): Resource[] {
  return Object.entries(template.findResources(type)).map(([logicalId, resource]) => ({
    logicalId,
    props: resource.Properties ?? {},
    resource,
  }));
}

function only<T>(items: T[]): T {
  expect(items).toHaveLength(1);
  return items[0]!;
}

const logicalId = (stack: Stack, construct: { node: { defaultChild?: unknown } }) =>
  stack.getLogicalId(construct.node.defaultChild as CfnElement);

function resolverFor(template: Template, field: string): Resource {
  const [typeName, fieldName] = field.split('.');
  return only(resources(template, 'AWS::AppSync::Resolver').filter((r) => r.props.TypeName === typeName && r.props.FieldName === fieldName));
}

function functionNamed(template: Template, name: string): Resource {
  return only(resources(template, 'AWS::AppSync::FunctionConfiguration').filter((f) => f.props.Name === name));
}

describe('amplify/backend.ts (HandsUp, api.json)', () => {
  let declaration: ApiDeclaration;
  let bundles: CodeBundles;
  let apiStack: Stack;
  let deployed: DeployedApi;
  let template: Template;
  let root: Template;
  const previousContext = process.env.CDK_CONTEXT_JSON;

  beforeAll(async () => {
    process.env.CDK_CONTEXT_JSON = JSON.stringify(AMPLIFY_CONTEXT);
    const backend = await import('../../amplify/backend.ts');
    ({ declaration, apiStack, api: deployed } = backend);
    bundles = bundleApi(declaration);
    template = Template.fromStack(apiStack);
    root = Template.fromStack(backend.backend.stack);
  });

  afterAll(() => {
    if (previousContext === undefined) delete process.env.CDK_CONTEXT_JSON;
    else process.env.CDK_CONTEXT_JSON = previousContext;
  });

  test('deploys every declared resolver on its Type.field with its declared kind', () => {
    for (const [field, resolver] of Object.entries(declaration.resolvers)) {
      expect(resolverFor(template, field).props.Kind, field).toBe('pipeline' in resolver ? 'PIPELINE' : 'UNIT');
    }
  });

  test('deploys nothing that is not declared', () => {
    template.resourceCountIs('AWS::AppSync::Resolver', Object.keys(declaration.resolvers).length);
    template.resourceCountIs('AWS::AppSync::FunctionConfiguration', Object.keys(declaration.functions).length);
    template.resourceCountIs('AWS::AppSync::DataSource', Object.keys(declaration.dataSources).length);
    template.resourceCountIs('AWS::DynamoDB::Table', Object.keys(declaration.tables).length);
    template.resourceCountIs('AWS::AppSync::GraphQLApi', 1);
  });

  test('runs every resolver and function on APPSYNC_JS 1.0.0', () => {
    for (const r of resources(template, 'AWS::AppSync::Resolver')) expect(r.props.Runtime, r.logicalId).toEqual(APPSYNC_JS);
    for (const f of resources(template, 'AWS::AppSync::FunctionConfiguration')) expect(f.props.Runtime, f.logicalId).toEqual(APPSYNC_JS);
  });

  test('uploads each resolver’s code exactly as the local runtime bundles it', () => {
    for (const field of Object.keys(declaration.resolvers)) {
      expect(resolverFor(template, field).props.Code, field).toBe(bundles.resolvers[field]);
    }
  });

  test('binds each unit resolver to its declared data source', () => {
    for (const [field, resolver] of Object.entries(declaration.resolvers)) {
      if ('dataSource' in resolver) expect(resolverFor(template, field).props.DataSourceName, field).toBe(resolver.dataSource);
    }
  });

  test('lists each pipeline’s functions in declared order', () => {
    const names = new Map(resources(template, 'AWS::AppSync::FunctionConfiguration').map((f) => [f.logicalId, f.props.Name]));
    for (const [field, resolver] of Object.entries(declaration.resolvers)) {
      if (!('pipeline' in resolver)) continue;
      const { props } = resolverFor(template, field);
      expect(props.DataSourceName, field).toBeUndefined();
      const order = props.PipelineConfig.Functions.map((ref: { 'Fn::GetAtt': [string, string] }) => names.get(ref['Fn::GetAtt'][0]));
      expect(order, field).toEqual(resolver.pipeline);
    }
  });

  test('uploads each function’s code exactly as the local runtime bundles it', () => {
    for (const name of Object.keys(declaration.functions)) {
      expect(functionNamed(template, name).props.Code, name).toBe(bundles.functions[name]);
    }
  });

  test('binds each function to its declared data source', () => {
    for (const [name, fn] of Object.entries(declaration.functions)) {
      expect(functionNamed(template, name).props.DataSourceName, name).toBe(fn.dataSource);
    }
  });

  test('deploys each declared data source with its type, DynamoDB ones on their declared table', () => {
    const dataSources = resources(template, 'AWS::AppSync::DataSource');
    for (const [name, source] of Object.entries(declaration.dataSources)) {
      const { props } = only(dataSources.filter((d) => d.props.Name === name));
      expect(props.Type, name).toBe(source.type);
      if (source.type === 'AMAZON_DYNAMODB') {
        expect(props.DynamoDBConfig.TableName, name).toEqual({ Ref: logicalId(apiStack, deployed.tables[source.table]!) });
      }
    }
  });

  test('creates each declared table with its key schema, GSIs and on-demand billing', () => {
    for (const [name, table] of Object.entries(declaration.tables)) {
      const keys = (key: { partitionKey: { name: string }; sortKey?: { name: string } | undefined }) => [
        { AttributeName: key.partitionKey.name, KeyType: 'HASH' },
        ...(key.sortKey ? [{ AttributeName: key.sortKey.name, KeyType: 'RANGE' }] : []),
      ];
      const { props } = resources(template, 'AWS::DynamoDB::Table').find((t) => t.logicalId === logicalId(apiStack, deployed.tables[name]!))!;
      expect(props.BillingMode, name).toBe('PAY_PER_REQUEST');
      expect(props.KeySchema, name).toEqual(keys(table));
      expect(props.GlobalSecondaryIndexes ?? [], name).toEqual(
        table.globalSecondaryIndexes.map((index) => ({ IndexName: index.name, KeySchema: keys(index), Projection: { ProjectionType: 'ALL' } })),
      );
      expect(props.LocalSecondaryIndexes, name).toBeUndefined();
      expect(props.TimeToLiveSpecification, name).toBeUndefined();
    }
  });

  test('deletes a sandbox’s tables with the sandbox', () => {
    for (const t of resources(template, 'AWS::DynamoDB::Table')) expect(t.resource.DeletionPolicy, t.logicalId).toBe('Delete');
  });

  test('names the API after the declaration and authorizes it with the declared default mode', () => {
    const { props } = only(resources(template, 'AWS::AppSync::GraphQLApi'));
    expect(props.Name).toBe(declaration.name);
    expect(props.AuthenticationType).toBe(declaration.authorization.default);
    expect(props.AdditionalAuthenticationProviders).toBeUndefined();
  });

  test('creates an API key that lasts close to a year', () => {
    const { props } = only(resources(template, 'AWS::AppSync::ApiKey'));
    const days = (props.Expires * 1000 - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThanOrEqual(365);
  });

  test('uploads the schema file as it is', () => {
    const { props } = only(resources(template, 'AWS::AppSync::GraphQLSchema'));
    expect(props.Definition).toBe(readFileSync(declaration.schema, 'utf8'));
  });

  test('writes the data block of amplify_outputs.json: url, region, API key and auth modes', () => {
    // The root stack's customOutputs is a Fn::Join of JSON text and references to the Api stack's outputs.
    const parts: unknown[] = root.toJSON().Outputs.customOutputs.Value['Fn::Join'][1];
    const refs: unknown[] = [];
    const text = parts.map((part) => (typeof part === 'string' ? part : `#${refs.push(part) - 1}`)).join('');
    const { data } = JSON.parse(text);
    const apiOutput = (placeholder: string) => {
      const [, attribute] = (refs[Number(placeholder.slice(1))] as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'];
      return template.toJSON().Outputs[attribute.replace(/^Outputs\./, '')].Value;
    };
    expect(Object.keys(data).sort()).toEqual(['api_key', 'authorization_types', 'aws_region', 'default_authorization_type', 'url']);
    expect(apiOutput(data.url)).toEqual({ 'Fn::GetAtt': [logicalId(apiStack, deployed.api), 'GraphQLUrl'] });
    expect(apiOutput(data.api_key)).toEqual({ 'Fn::GetAtt': [only(resources(template, 'AWS::AppSync::ApiKey')).logicalId, 'ApiKey'] });
    expect(refs[Number(data.aws_region.slice(1))]).toEqual({ Ref: 'AWS::Region' });
    expect(data.default_authorization_type).toBe(declaration.authorization.default);
    expect(data.authorization_types).toEqual(declaration.authorization.additional);
  });
});

describe('defineApi with another declaration', () => {
  let dir: string;
  let declaration: ApiDeclaration;
  let template: Template;

  const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
  const declare = (json: object) => {
    write('api.json', JSON.stringify(json));
    return loadDeclaration(join(dir, 'api.json'));
  };
  const echo = {
    name: 'echo',
    schema: 'schema.graphql',
    authorization: { default: 'AWS_IAM' },
    environment: { GREETING: 'hello' },
    tables: {
      Items: {
        partitionKey: { name: 'id', type: 'S' },
        sortKey: { name: 'at', type: 'N' },
        localSecondaryIndexes: [{ name: 'byStatus', sortKey: { name: 'status', type: 'S' } }],
        timeToLiveAttribute: 'expiresAt',
      },
    },
    dataSources: { Nothing: { type: 'NONE' } },
    resolvers: { 'Query.echo': { dataSource: 'Nothing', code: 'echo.js' } },
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'handsup-amplify-'));
    write('schema.graphql', 'type Query {\n  echo(message: String!): String\n}\n');
    write('echo.js', 'export function request(ctx) {\n  return { payload: ctx.args.message };\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n');
    declaration = declare(echo);
    template = Template.fromStack(buildStack(declaration).stack);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function buildStack(api: ApiDeclaration) {
    const stack = new Stack(new App(), 'Echo');
    return { stack, deployed: defineApi(stack, api) };
  }

  test('deploys exactly its one NONE data source and one unit resolver', () => {
    template.resourceCountIs('AWS::AppSync::GraphQLApi', 1);
    template.resourceCountIs('AWS::AppSync::FunctionConfiguration', 0);
    const source = only(resources(template, 'AWS::AppSync::DataSource'));
    expect(source.props).toMatchObject({ Name: 'Nothing', Type: 'NONE' });
    const resolver = only(resources(template, 'AWS::AppSync::Resolver'));
    expect(resolver.props).toMatchObject({ TypeName: 'Query', FieldName: 'echo', Kind: 'UNIT', DataSourceName: 'Nothing', Runtime: APPSYNC_JS });
    expect(resolver.props.Code).toBe(bundleApi(declaration).resolvers['Query.echo']);
  });

  test('uploads its schema and name', () => {
    expect(only(resources(template, 'AWS::AppSync::GraphQLSchema')).props.Definition).toBe(readFileSync(join(dir, 'schema.graphql'), 'utf8'));
    expect(only(resources(template, 'AWS::AppSync::GraphQLApi')).props.Name).toBe('echo');
  });

  test('authorizes with IAM and creates no API key when the declaration says AWS_IAM', () => {
    expect(only(resources(template, 'AWS::AppSync::GraphQLApi')).props.AuthenticationType).toBe('AWS_IAM');
    template.resourceCountIs('AWS::AppSync::ApiKey', 0);
  });

  test('passes the declared environment to the API', () => {
    expect(only(resources(template, 'AWS::AppSync::GraphQLApi')).props.EnvironmentVariables).toEqual({ GREETING: 'hello' });
  });

  test('creates its table with the declared LSI and TTL attribute, retained by default', () => {
    const table = only(resources(template, 'AWS::DynamoDB::Table'));
    expect(table.props.KeySchema).toEqual([
      { AttributeName: 'id', KeyType: 'HASH' },
      { AttributeName: 'at', KeyType: 'RANGE' },
    ]);
    expect(table.props.LocalSecondaryIndexes).toEqual([
      {
        IndexName: 'byStatus',
        KeySchema: [
          { AttributeName: 'id', KeyType: 'HASH' },
          { AttributeName: 'status', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
    expect(table.props.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(table.props.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.resource.DeletionPolicy).toBe('Retain');
  });

  test('refuses code larger than AppSync accepts', () => {
    write('big.js', `export function request() { return {}; }\nexport function response() { return ${JSON.stringify('x'.repeat(33_000))}; }\n`);
    const big = declare({ ...echo, resolvers: { 'Query.echo': { dataSource: 'Nothing', code: 'big.js' } } });
    expect(() => buildStack(big)).toThrow(/resolvers\.Query\.echo: bundled code is \d+ bytes, over AppSync's limit of 32768/);
  });

  test('refuses a data source name AppSync does not accept', () => {
    const badName = declare({ ...echo, dataSources: { 'no-dashes': { type: 'NONE' } }, resolvers: { 'Query.echo': { dataSource: 'no-dashes', code: 'echo.js' } } });
    expect(() => buildStack(badName)).toThrow(/data source name "no-dashes"/);
  });

  test('refuses an authorization mode that needs resources the declaration cannot name', () => {
    const cognito = declare({ ...echo, authorization: { default: 'AMAZON_COGNITO_USER_POOLS' } });
    expect(() => buildStack(cognito)).toThrow(/AMAZON_COGNITO_USER_POOLS cannot be deployed from the declaration/);
  });
});
