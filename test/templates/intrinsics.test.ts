// A JSON template using every intrinsic and resource type the local AppSync reads,
// read into the API declaration as CloudFormation would deploy it; then the refusals,
// each a clear error naming the resource and property.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeclarationError } from '../../local/declaration/declaration.ts';
import { loadApiSource } from '../../local/declaration/source.ts';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { signInWithPassword } from '../../local/user-pool/sign-in.ts';
import { graphql } from '../support/local-appsync.ts';

const TEMPLATE = 'test/templates/fixtures/intrinsics/template.json';

describe('intrinsics, resolved as CloudFormation resolves them', () => {
  const api = loadApiSource(TEMPLATE);

  it('Ref gives parameters their defaults and tables their names; Fn::Sub fills pseudo parameters, variables and ${!literals}', () => {
    expect(api.environment).toMatchObject({
      NOTES: 'dev-notes',
      STACK: 'intrinsics',
      WHERE: '123456789012/us-east-1/aws/amazonaws.com/notes',
      LITERAL: '${NotReplaced}',
    });
  });

  it('Fn::Join, Fn::FindInMap, Fn::Select over a list parameter and over Fn::Split', () => {
    expect(api.name).toBe('devpfx-notes');
    expect(api.environment).toMatchObject({ ZONE: 'b', SECOND_PART: 'b' });
  });

  it('Fn::GetAtt gives ARNs as the service makes them', () => {
    expect(api.environment.POOL_ARN).toMatch(/^arn:aws:cognito-idp:us-east-1:123456789012:userpool\/us-east-1_[A-Za-z0-9]{9}$/);
  });

  it('a table without TableName (a GlobalTable here) gets stack-logicalId-SUFFIX, the same at every start', () => {
    expect(api.environment.ARCHIVE).toMatch(/^intrinsics-Archive-[A-Z0-9]{12}$/);
    expect(loadApiSource(TEMPLATE).environment.ARCHIVE).toBe(api.environment.ARCHIVE);
    expect(Object.keys(api.tables).sort()).toEqual(['dev-notes', api.environment.ARCHIVE].sort());
  });

  it('reads keys, GSIs, LSIs and TTL of a table', () => {
    expect(api.tables['dev-notes']).toEqual({
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      globalSecondaryIndexes: [{ name: 'byTag', partitionKey: { name: 'tag', type: 'S' }, sortKey: { name: 'rank', type: 'N' } }],
      localSecondaryIndexes: [{ name: 'byRank', sortKey: { name: 'rank', type: 'N' } }],
      timeToLiveAttribute: 'expiresAt',
    });
  });

  it('Fn::If and Conditions (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition) pick values and leave out resources', () => {
    expect(api.environment.AUDIT).toBe('off');
    expect(api).toMatchObject({ queryDepthLimit: 8, resolverCountLimit: 0, introspectionConfig: 'ENABLED' });
    expect(api.authorization.userPool?.groups).toEqual(['editors']);
    const audited = loadApiSource(TEMPLATE, { parameters: { WithAudit: 'true' } });
    expect(audited.environment.AUDIT).toBe('on');
    expect(audited.authorization.userPool?.groups).toEqual(['editors', 'auditors']);
  });

  it('--parameter overrides a default, through every intrinsic that reads it', () => {
    const prod = loadApiSource(TEMPLATE, { parameters: { Env: 'prod' } });
    expect(prod.name).toBe('prodpfx-notes');
    expect(prod.environment.NOTES).toBe('prod-notes');
    expect(prod).toMatchObject({ queryDepthLimit: 4 });
  });

  it('reads the auth modes, the schema asset, data sources and the pipeline', () => {
    expect(api.authorization).toEqual({ default: 'AMAZON_COGNITO_USER_POOLS', additional: ['API_KEY', 'AWS_IAM'], userPool: { groups: ['editors'] } });
    expect(api.schemaSource).toContain('saveNote');
    expect(api.dataSources).toEqual({ notes: { type: 'AMAZON_DYNAMODB', table: 'dev-notes' }, none: { type: 'NONE' } });
    expect(api.resolvers['Mutation.saveNote']).toMatchObject({ pipeline: ['saveNote'] });
    expect(api.functions.saveNote).toMatchObject({ dataSource: 'notes' });
  });
});

describe('served from the JSON template, with its user pool', () => {
  let server: LocalAppSync;
  beforeAll(async () => {
    server = await startLocalAppSync({ declaration: TEMPLATE, port: 0, host: '127.0.0.1', dataDir: null, users: [{ username: 'eve', password: 'Eve-Passw0rd!', groups: ['editors'] }] });
  });
  afterAll(() => server?.close());

  it('a signed-in user runs the pipeline into the table named by TableName', async () => {
    const pool = server.userPool!;
    const { idToken } = await signInWithPassword({ endpoint: pool.endpoint, clientId: pool.clientId, username: 'eve', password: 'Eve-Passw0rd!' });
    const answer = await graphql(server, 'mutation { saveNote(pk: "p", sk: "1", text: "hi") { pk sk text by } }', {}, { authorization: idToken });
    expect(answer.body).toEqual({ data: { saveNote: { pk: 'p', sk: '1', text: 'hi', by: 'eve' } } });
  });

  it('ctx.env holds the resolved environment variables', async () => {
    const answer = await graphql(server, '{ settings }');
    expect(JSON.parse(answer.body.data.settings)).toMatchObject({ NOTES: 'dev-notes', ZONE: 'b', STACK: 'intrinsics' });
  });
});

describe('refusals name the resource and the property', () => {
  const folder = mkdtempSync(join(tmpdir(), 'templates-'));
  const write = (name: string, resources: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
    const file = join(folder, name);
    writeFileSync(file, JSON.stringify({ ...extra, Resources: resources }));
    return file;
  };
  const api = (properties: Record<string, unknown> = {}) => ({
    Api: { Type: 'AWS::AppSync::GraphQLApi', Properties: { Name: 'a', AuthenticationType: 'API_KEY', ...properties } },
    Schema: { Type: 'AWS::AppSync::GraphQLSchema', Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, Definition: 'type Query { a: String }' } },
  });
  const refusal = (file: string, options = {}) => {
    try {
      loadApiSource(file, options);
    } catch (error) {
      expect(error).toBeInstanceOf(DeclarationError);
      return (error as Error).message;
    }
    throw new Error('no error');
  };

  it('Fn::ImportValue from a stack it does not have', () => {
    const file = write('import.json', api({ EnvironmentVariables: { T: { 'Fn::ImportValue': 'shared-table' } } }));
    expect(refusal(file)).toBe(
      `${file}: Resources.Api.Properties.EnvironmentVariables.T.Fn::ImportValue: Fn::ImportValue "shared-table": the export comes from another stack, which the local AppSync does not have; serve a cloud assembly holding both stacks, or put the value in a parameter`,
    );
  });

  it("a custom resource's attribute", () => {
    const file = write('custom.json', { ...api({ EnvironmentVariables: { T: { 'Fn::GetAtt': ['Lookup', 'Name'] } } }), Lookup: { Type: 'Custom::Lookup', Properties: { ServiceToken: 'arn' } } });
    expect(refusal(file)).toBe(
      `${file}: Resources.Api.Properties.EnvironmentVariables.T.Fn::GetAtt: Fn::GetAtt Lookup.Name: Lookup is a custom resource (Custom::Lookup); its attributes exist only once it is deployed, so the local AppSync cannot resolve them`,
    );
  });

  it('a parameter without a value or a default', () => {
    const file = write('parameter.json', api({ Name: { Ref: 'ApiName' } }), { Parameters: { ApiName: { Type: 'String' } } });
    expect(refusal(file)).toContain('Resources.Api.Properties.Name: the parameter ApiName has no value and no default: give it with --parameter ApiName=<value>');
  });

  it('a reference to nothing', () => {
    const file = write('nothing.json', api({ Name: { Ref: 'Missing' } }));
    expect(refusal(file)).toBe(`${file}: Resources.Api.Properties.Name: no parameter or resource named Missing`);
  });

  it('several APIs and no --api, or an --api that is not there', () => {
    const two = { ...api(), Other: { Type: 'AWS::AppSync::GraphQLApi', Properties: { Name: 'b', AuthenticationType: 'API_KEY' } } };
    const file = write('two.json', two);
    expect(refusal(file)).toBe(`${file}: it has 2 APIs; pick one with --api: a (two/Api), b (two/Other)`);
    expect(refusal(file, { api: 'c' })).toBe(`${file}: no API c; it has: a (two/Api), b (two/Other)`);
    expect(loadApiSource(file, { api: 'a' }).name).toBe('a');
  });

  it('a code asset in an S3 bucket', () => {
    const file = write('s3.json', {
      ...api(),
      R: { Type: 'AWS::AppSync::Resolver', Properties: { ApiId: { 'Fn::GetAtt': ['Api', 'ApiId'] }, TypeName: 'Query', FieldName: 'a', DataSourceName: 'n', Runtime: { Name: 'APPSYNC_JS', RuntimeVersion: '1.0.0' }, CodeS3Location: 's3://bucket/code.js' } },
    });
    expect(refusal(file)).toBe(`${file}: Resources.R.Properties.CodeS3Location: s3://bucket/code.js is not a file asset of this cloud assembly; the local AppSync reads no S3 bucket: point it at a local file`);
  });

  it('a YAML template that does not parse', () => {
    const file = join(folder, 'broken.yaml');
    writeFileSync(file, 'Resources:\n  A: [\n');
    expect(refusal(file)).toMatch(new RegExp(`^${file}: not a readable template: `));
  });
});
