// The cloud deployment, synthesised offline: amplify/ must deploy exactly what
// api.json declares, with exactly the code the local AppSync runs.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, CloudFormationValidatePlugin, Stack, Stage, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineApi, type DeployedApi } from '../../amplify/api/define-api.ts';
import { authOutputs, dataOutputs } from '../../amplify/api/outputs.ts';
import { bundleApi, type CodeBundles } from '../../local/declaration/bundle.ts';
import { loadDeclaration, type ApiDeclaration } from '../../local/declaration/declaration.ts';

const AMPLIFY_CONTEXT = { 'amplify-backend-namespace': 'app', 'amplify-backend-name': 'main', 'amplify-backend-type': 'sandbox' };
const APPSYNC_JS = { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' };

// CDK validates templates at synthesis, but only top-level stacks: the Api stack is
// a nested stack. Synthesis skips it here (CDK_VALIDATION=false) and the tests run
// the same validator (CloudFormation resource schemas + CDK's rules) on every template.
const previousEnv = { CDK_CONTEXT_JSON: process.env.CDK_CONTEXT_JSON, CDK_VALIDATION: process.env.CDK_VALIDATION };
process.env.CDK_VALIDATION = 'false';
afterAll(() => {
  for (const [name, value] of Object.entries(previousEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

let validator: CloudFormationValidatePlugin | undefined;
/** Loading the validator's engine (WebAssembly) takes ~5 s on a quiet 2-core machine; allow for a busy one. */
const VALIDATION_TIMEOUT = 60_000;

/** CloudFormation validation of the given stacks' synthesised templates: every violation, as "rule: description". */
function violations(stacks: Stack[]): string[] {
  const app = Stage.of(stacks[0]!)!;
  const assembly = app.synth();
  const stackTemplates = stacks.map((stack) => ({
    stackConstructPath: stack.node.path,
    templatePath: join(assembly.directory, stack.templateFile),
    accountId: undefined,
    region: undefined,
  }));
  validator ??= new CloudFormationValidatePlugin();
  const report = validator.validate({ templatePaths: stackTemplates.map((s) => s.templatePath), stackTemplates, appConstruct: app });
  return report.violations.map((v) => `${v.ruleName}: ${v.description} (${v.violatingResources.map((r) => r.resourceLogicalId).join(', ')})`);
}

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

  let backendStack: Stack;

  beforeAll(async () => {
    process.env.CDK_CONTEXT_JSON = JSON.stringify(AMPLIFY_CONTEXT);
    const backend = await import('../../amplify/backend.ts');
    ({ declaration, apiStack, api: deployed } = backend);
    bundles = bundleApi(declaration);
    template = Template.fromStack(apiStack);
    backendStack = backend.backend.stack;
    root = Template.fromStack(backendStack);
  });

  test('passes CloudFormation template validation, root and Api stack alike', () => {
    expect(violations([backendStack, apiStack])).toEqual([]);
  }, VALIDATION_TIMEOUT);

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
    template.resourceCountIs('AWS::Cognito::UserPool', 1);
    template.resourceCountIs('AWS::Cognito::UserPoolGroup', declaration.authorization.userPool!.groups.length);
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
    expect(props.AdditionalAuthenticationProviders).toEqual([
      {
        AuthenticationType: 'AMAZON_COGNITO_USER_POOLS',
        UserPoolConfig: { AwsRegion: { Ref: 'AWS::Region' }, UserPoolId: { Ref: logicalId(apiStack, deployed.userPool!.pool) } },
      },
    ]);
  });

  test('creates the organizers group in the user pool', () => {
    const groups = resources(template, 'AWS::Cognito::UserPoolGroup').map((g) => g.props.GroupName);
    expect(groups).toEqual(declaration.authorization.userPool!.groups);
  });

  test('gives resolvers the table’s CloudFormation name as ctx.env.HANDSUP_TABLE, which batch operations need', () => {
    const { props } = only(resources(template, 'AWS::AppSync::GraphQLApi'));
    expect(props.EnvironmentVariables).toEqual({ HANDSUP_TABLE: { Ref: logicalId(apiStack, deployed.tables.HandsUp!) } });
  });

  test('creates an API key that expires 365 days from the start of today (UTC), the same all day', () => {
    const { props } = only(resources(template, 'AWS::AppSync::ApiKey'));
    const expires = props.Expires * 1000;
    expect(expires % 86_400_000).toBe(0);
    expect(expires - Date.now()).toBeGreaterThan(364 * 86_400_000);
    expect(expires - Date.now()).toBeLessThanOrEqual(365 * 86_400_000);
  });

  test('uploads the schema file as it is', () => {
    const { props } = only(resources(template, 'AWS::AppSync::GraphQLSchema'));
    expect(props.Definition).toBe(readFileSync(declaration.schema, 'utf8'));
  });

  test('writes the data and auth blocks of amplify_outputs.json (url, region, API key, auth modes; the user pool)', () => {
    // The root stack's customOutputs is a Fn::Join of JSON text and references to the Api stack's outputs.
    const parts: unknown[] = root.toJSON().Outputs.customOutputs.Value['Fn::Join'][1];
    const refs: unknown[] = [];
    const text = parts.map((part) => (typeof part === 'string' ? part : `#${refs.push(part) - 1}`)).join('');
    const { data, auth, ...rest } = JSON.parse(text);
    expect(Object.keys(rest)).toEqual(['version']);
    expect(auth.groups).toEqual([{ organizers: { precedence: 0 } }]);
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
  let stack: Stack;
  let deployed: DeployedApi;

  const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
  const declare = (json: object) => {
    write('api.json', JSON.stringify(json));
    return loadDeclaration(join(dir, 'api.json'));
  };
  const echo = {
    name: 'echo',
    schema: 'schema.graphql',
    authorization: { default: 'AMAZON_COGNITO_USER_POOLS', additional: ['AWS_IAM'], userPool: { groups: ['Admins', 'Presenters'] } },
    environment: { GREETING: 'hello' },
    queryDepthLimit: 4,
    resolverCountLimit: 200,
    introspectionConfig: 'DISABLED',
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
    ({ stack, deployed } = buildStack(declaration));
    template = Template.fromStack(stack);
  });

  test('passes CloudFormation template validation', () => {
    expect(violations([stack])).toEqual([]);
  }, VALIDATION_TIMEOUT);

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

  test('authorizes with its user pool by default and IAM as the additional mode, with no API key', () => {
    const { props } = only(resources(template, 'AWS::AppSync::GraphQLApi'));
    expect(props.AuthenticationType).toBe('AMAZON_COGNITO_USER_POOLS');
    expect(props.UserPoolConfig).toEqual({
      UserPoolId: { Ref: logicalId(stack, deployed.userPool!.pool) },
      AwsRegion: { Ref: 'AWS::Region' },
      DefaultAction: 'ALLOW',
    });
    expect(props.AdditionalAuthenticationProviders).toEqual([{ AuthenticationType: 'AWS_IAM' }]);
    template.resourceCountIs('AWS::AppSync::ApiKey', 0);
  });

  test('creates the user pool as the local one behaves: username sign-in, no self sign-up, one client without secret', () => {
    const pool = only(resources(template, 'AWS::Cognito::UserPool'));
    expect(pool.props.UsernameConfiguration).toEqual({ CaseSensitive: false });
    expect(pool.props.UsernameAttributes).toBeUndefined();
    expect(pool.props.AdminCreateUserConfig).toEqual({ AllowAdminCreateUserOnly: true });
    expect(pool.resource.DeletionPolicy).toBe('Retain');
    const client = only(resources(template, 'AWS::Cognito::UserPoolClient'));
    expect(client.props.UserPoolId).toEqual({ Ref: pool.logicalId });
    expect(client.props.GenerateSecret).toBe(false);
    expect(client.props.ExplicitAuthFlows.sort()).toEqual(['ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']);
  });

  test('creates the declared user pool groups, in declared precedence', () => {
    const groups = resources(template, 'AWS::Cognito::UserPoolGroup').map((g) => g.props);
    const pool = { Ref: logicalId(stack, deployed.userPool!.pool) };
    expect(groups).toEqual([
      { UserPoolId: pool, GroupName: 'Admins', Precedence: 0 },
      { UserPoolId: pool, GroupName: 'Presenters', Precedence: 1 },
    ]);
  });

  test('describes its API and user pool for amplify_outputs.json', () => {
    expect(stack.resolve(dataOutputs(deployed, declaration))).toEqual({
      url: { 'Fn::GetAtt': [logicalId(stack, deployed.api), 'GraphQLUrl'] },
      aws_region: { Ref: 'AWS::Region' },
      default_authorization_type: 'AMAZON_COGNITO_USER_POOLS',
      authorization_types: ['AWS_IAM'],
    });
    expect(stack.resolve(authOutputs(deployed))).toEqual({
      aws_region: { Ref: 'AWS::Region' },
      user_pool_id: { Ref: logicalId(stack, deployed.userPool!.pool) },
      user_pool_client_id: { Ref: logicalId(stack, deployed.userPool!.client) },
      username_attributes: ['username'],
      user_verification_types: [],
      mfa_configuration: 'NONE',
      groups: [{ Admins: { precedence: 0 } }, { Presenters: { precedence: 1 } }],
    });
  });

  test('deploys the declared request limits: query depth, resolver count, introspection', () => {
    const api = only(resources(template, 'AWS::AppSync::GraphQLApi'));
    expect(api.props).toMatchObject({ QueryDepthLimit: 4, ResolverCountLimit: 200, IntrospectionConfig: 'DISABLED' });
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

  test('refuses AWS_LAMBDA without the authorizer function it needs', () => {
    // Every mode can now be deployed from the declaration; AWS_LAMBDA's function must be named in it.
    expect(() => declare({ ...echo, authorization: { default: 'API_KEY', additional: ['AWS_LAMBDA'] } })).toThrow(/the AWS_LAMBDA mode needs a lambdaAuthorizer/);
  });

  test('deploys API_KEY, IAM and OPENID_CONNECT with the declared provider, client id and TTLs; no IAM users', () => {
    const modes = declare({
      ...echo,
      authorization: {
        default: 'API_KEY',
        additional: ['AWS_IAM', 'OPENID_CONNECT'],
        iam: { users: [{ name: 'ci', accessKeyId: 'AKIAEXAMPLE000000001', secretAccessKey: 'local-only' }] },
        openIdConnect: { issuer: 'https://login.example.com', clientId: 'web', iatTTL: 3_600_000, authTTL: 86_400_000 },
      },
    });
    const { stack: modesStack } = buildStack(modes);
    const modesTemplate = Template.fromStack(modesStack);
    const { props } = only(resources(modesTemplate, 'AWS::AppSync::GraphQLApi'));
    expect(props.AuthenticationType).toBe('API_KEY');
    expect(props.AdditionalAuthenticationProviders).toEqual([
      { AuthenticationType: 'AWS_IAM' },
      { AuthenticationType: 'OPENID_CONNECT', OpenIDConnectConfig: { Issuer: 'https://login.example.com', ClientId: 'web', IatTTL: 3_600_000, AuthTTL: 86_400_000 } },
    ]);
    expect(JSON.stringify(modesTemplate.toJSON())).not.toContain('local-only');
    expect(violations([modesStack])).toEqual([]);
  }, VALIDATION_TIMEOUT);

  test('deploys OPENID_CONNECT as the default mode, with only the issuer required', () => {
    const oidcOnly = declare({ ...echo, authorization: { default: 'OPENID_CONNECT', openIdConnect: { issuer: 'https://login.example.com' } } });
    const { props } = only(resources(Template.fromStack(buildStack(oidcOnly).stack), 'AWS::AppSync::GraphQLApi'));
    expect([props.AuthenticationType, props.OpenIDConnectConfig, props.AdditionalAuthenticationProviders]).toEqual(['OPENID_CONNECT', { Issuer: 'https://login.example.com' }, undefined]);
  });
});
