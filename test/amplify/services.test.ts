// The cloud deployment of Lambda functions, AWS_LAMBDA and HTTP data sources, direct
// Lambda resolvers and a Lambda authorizer, synthesised offline from the test
// fixtures' declarations (test/data-sources/fixtures/services, test/auth/fixtures/lambda-auth).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, CloudFormationValidatePlugin, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, test } from 'vitest';
import { defineApi } from '../../amplify/api/define-api.ts';
import { loadDeclaration, type ApiDeclaration } from '../../local/declaration/declaration.ts';
import { bundleHandlerCode } from '../../local/functions/bundle.ts';

const fixture = (path: string) => loadDeclaration(fileURLToPath(new URL(path, import.meta.url)));

function synth(declaration: ApiDeclaration) {
  const app = new App();
  const stack = new Stack(app, declaration.name.replace(/\W/g, ''));
  const deployed = defineApi(stack, declaration);
  return { app, stack, deployed, template: Template.fromStack(stack) };
}

const resources = (template: Template, type: string) => Object.entries(template.findResources(type)).map(([logicalId, r]) => ({ logicalId, props: r.Properties ?? {} }));

describe('defineApi with Lambda and HTTP data sources', () => {
  let declaration: ApiDeclaration;
  let built: ReturnType<typeof synth>;
  beforeAll(() => {
    declaration = fixture('../data-sources/fixtures/services/services.api.json');
    built = synth(declaration);
    // Bundling seven functions and staging their assets: allow for a busy machine.
  }, 180_000);

  test('passes CloudFormation template validation', () => {
    const assembly = built.app.synth();
    const templatePath = join(assembly.directory, built.stack.templateFile);
    const report = new CloudFormationValidatePlugin().validate({
      templatePaths: [templatePath],
      stackTemplates: [{ stackConstructPath: built.stack.node.path, templatePath, accountId: undefined, region: undefined }],
      appConstruct: built.app,
    });
    expect(report.violations.map((v) => `${v.ruleName}: ${v.description}`)).toEqual([]);
  }, 60_000);

  test('creates each declared Lambda function on Node.js 24 with its timeout, memory and environment', () => {
    const functions = resources(built.template, 'AWS::Lambda::Function');
    expect(functions).toHaveLength(Object.keys(declaration.lambdaFunctions).length);
    for (const [name, fn] of Object.entries(declaration.lambdaFunctions)) {
      const { props } = functions.find((f) => f.logicalId === built.stack.getLogicalId(built.deployed.lambdaFunctions[name]!.node.defaultChild as never))!;
      expect(props, name).toMatchObject({ Runtime: 'nodejs24.x', Timeout: fn.timeout, MemorySize: fn.memorySize, Handler: `index.${fn.handler.split('#')[1]}` });
      expect(props.Environment?.Variables ?? {}, name).toEqual(fn.environment);
    }
  });

  test('uploads as index.js the very bundle the local AppSync runs', () => {
    const fn = built.deployed.lambdaFunctions.greeter!;
    const assetPath = (fn.node.tryFindChild('Code') as { assetPath?: string } | undefined)?.assetPath
      ?? built.app.synth().getStackArtifact(built.stack.artifactId).assets.find((a) => 'path' in a && a.packaging === 'zip')!;
    const folder = typeof assetPath === 'string' ? join(built.app.outdir, assetPath) : join(built.app.outdir, (assetPath as { path: string }).path);
    expect(readFileSync(join(folder, 'index.js'), 'utf8')).toBe(bundleHandlerCode('greeter', declaration.lambdaFunctions.greeter!.handler).code);
  });

  test('binds each AWS_LAMBDA data source to its function and each HTTP one to its endpoint, signed when declared', () => {
    const sources = resources(built.template, 'AWS::AppSync::DataSource');
    const named = (name: string) => sources.find((s) => s.props.Name === name)!.props;
    expect(named('Greeter')).toMatchObject({ Type: 'AWS_LAMBDA', LambdaConfig: { LambdaFunctionArn: { 'Fn::GetAtt': [expect.stringMatching(/greeter/i), 'Arn'] } } });
    expect(named('Web')).toMatchObject({ Type: 'HTTP', HttpConfig: { Endpoint: 'https://api.example.com' } });
    expect(named('Web').HttpConfig.AuthorizationConfig).toBeUndefined();
    expect(named('SignedWeb').HttpConfig).toEqual({
      Endpoint: 'https://abc123.execute-api.us-east-1.amazonaws.com',
      AuthorizationConfig: { AuthorizationType: 'AWS_IAM', AwsIamConfig: { SigningRegion: 'us-east-1', SigningServiceName: 'execute-api' } },
    });
  });

  test('deploys direct Lambda resolvers and functions without code or runtime, and maxBatchSize where declared', () => {
    const resolvers = resources(built.template, 'AWS::AppSync::Resolver');
    const resolver = (field: string) => resolvers.find((r) => `${r.props.TypeName}.${r.props.FieldName}` === field)!.props;
    expect(resolver('Query.directEvent')).toMatchObject({ Kind: 'UNIT', DataSourceName: 'Echo' });
    expect(resolver('Query.directEvent').Runtime).toBeUndefined();
    expect(resolver('Query.directEvent').Code).toBeUndefined();
    expect(resolver('Author.bio')).toMatchObject({ MaxBatchSize: 10 });
    expect(resolver('Author.batchSize')).toMatchObject({ MaxBatchSize: 2, Runtime: { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' } });
    const direct = resources(built.template, 'AWS::AppSync::FunctionConfiguration').find((f) => f.props.Name === 'echoDirect')!.props;
    expect(direct).toMatchObject({ DataSourceName: 'Echo', FunctionVersion: '2018-05-29' });
    expect(direct.Runtime).toBeUndefined();
  });
});

describe('defineApi with a Lambda authorizer', () => {
  test('adds AWS_LAMBDA with the authorizer function, its cache TTL and validation expression, and lets AppSync invoke it', () => {
    const declaration = fixture('../auth/fixtures/lambda-auth/api.json');
    const { template, stack, deployed } = synth(declaration);
    const api = resources(template, 'AWS::AppSync::GraphQLApi')[0]!.props;
    const authorizerId = stack.getLogicalId(deployed.lambdaFunctions.authorizer!.node.defaultChild as never);
    expect(api.AdditionalAuthenticationProviders).toEqual([
      {
        AuthenticationType: 'AWS_LAMBDA',
        LambdaAuthorizerConfig: { AuthorizerUri: { 'Fn::GetAtt': [authorizerId, 'Arn'] }, AuthorizerResultTtlInSeconds: 0, IdentityValidationExpression: '[a-z0-9-]+' },
      },
    ]);
    const permission = resources(template, 'AWS::Lambda::Permission').find((p) => p.props.Principal === 'appsync.amazonaws.com');
    expect(permission?.props).toMatchObject({ Action: 'lambda:InvokeFunction', FunctionName: { 'Fn::GetAtt': [authorizerId, 'Arn'] } });
  }, 120_000);
});
