// A deployment's AppSync API, turned into the same ApiDeclaration that api.json
// gives: the local AppSync then serves it with the same parts. What it reads:
// GraphQLApi, GraphQLSchema, DataSource, Resolver, FunctionConfiguration, DynamoDB
// tables, Cognito user pool groups and the Lambda functions its data sources and
// authorizer call (lambda.ts); the rest of the template (roles, policies, API keys,
// user pool clients) only matters once deployed.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  checkReferences,
  type ApiDeclaration,
  type AuthMode,
  type DataSourceDeclaration,
  type FunctionDeclaration,
  type LambdaFunctionDeclaration,
  type ResolverDeclaration,
  type TableDeclaration,
} from '../declaration/declaration.ts';
import type { LoadedDeployment } from './assembly.ts';
import { AMPLIFY_TABLE, amplifyTableProperty } from '../gen2/amplify-table.ts';
import { gen2BackendOf } from '../gen2/backend.ts';
import { TemplateError } from './errors.ts';
import { TemplateFunctions } from './lambda.ts';
import type { Stack } from './stack.ts';
import { dataSourceTypeReason, unknownTableReason, VTL_REASON, vtlFunctionReason } from './unsupported.ts';

type Resource = { stack: Stack; id: string; type: string };

const AUTH_MODES: readonly string[] = ['API_KEY', 'AWS_IAM', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_LAMBDA'];
const READ_TYPES = [
  'AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema', 'AWS::AppSync::DataSource', 'AWS::AppSync::Resolver',
  'AWS::AppSync::FunctionConfiguration', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Cognito::UserPoolGroup', AMPLIFY_TABLE,
];
const TABLE_TYPES = ['AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', AMPLIFY_TABLE];

/** The API to serve: the only one, or the one `api` names (its Name, logical id or stack/logicalId). */
export function apiDeclaration(loaded: LoadedDeployment, api?: string): ApiDeclaration {
  const resources = loaded.stacks.flatMap((stack) => stack.resources(...READ_TYPES).map((id) => ({ stack, id, type: stack.resource(id)!.Type })));
  const apis = resources.filter((r) => r.type === 'AWS::AppSync::GraphQLApi');
  const label = (r: Resource) => `${String(r.stack.property(r.id, 'Name'))} (${r.stack.name}/${r.id})`;
  if (!apis.length) throw new TemplateError(`${loaded.source}: no AWS::AppSync::GraphQLApi in it`);
  let chosen = apis;
  if (api) {
    chosen = apis.filter((r) => [r.id, `${r.stack.name}/${r.id}`, r.stack.property(r.id, 'Name')].includes(api));
    if (!chosen.length) throw new TemplateError(`${loaded.source}: no API ${api}; it has: ${apis.map(label).join(', ')}`);
  }
  if (chosen.length > 1) {
    throw new TemplateError(`${loaded.source}: it has ${chosen.length} APIs; pick one with --api: ${chosen.map(label).join(', ')}`);
  }
  const declaration = convert(chosen[0]!, resources, loaded.source, new TemplateFunctions(loaded.stacks));
  // A Gen 2 backend (defineData, defineAuth) also carries what its client needs and what is not emulated.
  const gen2 = gen2BackendOf(loaded.stacks);
  return gen2 ? { ...declaration, gen2 } : declaration;
}

function convert(api: Resource, resources: Resource[], source: string, templateFunctions: TemplateFunctions): ApiDeclaration {
  const { stack, id } = api;
  if ((stack.property(id, 'ApiType') ?? 'GRAPHQL') !== 'GRAPHQL') {
    throw new TemplateError(`${stack.where(id, 'ApiType')}: merged APIs are not served by the local AppSync; serve each source API`);
  }
  const apiId = String(stack.scope.getAtt(id, 'ApiId', stack.where(id)));
  const ofApi = (type: string) => resources.filter((r) => r.type === type && String(r.stack.property(r.id, 'ApiId')) === apiId);
  const unsupported: Record<string, string> = {};
  const lambdaFunctions: Record<string, LambdaFunctionDeclaration> = {};
  /** The local function an ARN names, added to the declaration; or why it cannot run. */
  const lambdaFunction = (arn: string): { name: string } | { reason: string } => {
    const fn = templateFunctions.find(arn);
    if ('reason' in fn) return fn;
    lambdaFunctions[fn.name] = fn.declaration;
    return fn;
  };

  const tables: Record<string, TableDeclaration> = {};
  for (const r of resources.filter((r) => TABLE_TYPES.includes(r.type))) {
    tables[String(r.stack.scope.ref(r.id, r.stack.where(r.id)))] = tableOf(r);
  }

  const dataSources: Record<string, DataSourceDeclaration> = {};
  const dataSourceReasons = new Map<string, string>();
  for (const r of ofApi('AWS::AppSync::DataSource')) {
    const name = String(r.stack.property(r.id, 'Name'));
    const type = String(r.stack.property(r.id, 'Type'));
    const reason = dataSourceTypeReason(name, type);
    if (reason) dataSourceReasons.set(name, reason);
    else if (type === 'NONE') dataSources[name] = { type: 'NONE' };
    else if (type === 'AWS_LAMBDA') {
      let fn: { name: string } | { reason: string };
      try {
        fn = lambdaFunction(String(r.stack.property(r.id, 'LambdaConfig.LambdaFunctionArn')));
      } catch (error) {
        fn = { reason: `calls a Lambda function the local AppSync cannot resolve (${(error as Error).message})` };
      }
      if ('reason' in fn) dataSourceReasons.set(name, `its data source ${name} ${fn.reason}`);
      else dataSources[name] = { type: 'AWS_LAMBDA', function: fn.name };
    } else if (type === 'HTTP') {
      const http = httpDataSourceOf(r);
      if (typeof http === 'string') dataSourceReasons.set(name, `its data source ${name} ${http}`);
      else dataSources[name] = http;
    } else {
      let table: string;
      try {
        table = String(r.stack.property(r.id, 'DynamoDBConfig.TableName'));
      } catch (error) {
        // A table only known once deployed (another custom resource's): its fields wait, the rest serves.
        dataSourceReasons.set(name, `its data source ${name} reads a table the local AppSync cannot resolve (${(error as Error).message})`);
        continue;
      }
      if (tables[table]) dataSources[name] = { type: 'AMAZON_DYNAMODB', table };
      else dataSourceReasons.set(name, unknownTableReason(name, table));
    }
  }

  const functions: Record<string, FunctionDeclaration> = {};
  const functionById = new Map<string, string>();
  const functionReasons = new Map<string, string>();
  const functionResources = ofApi('AWS::AppSync::FunctionConfiguration');
  const functionNames = functionResources.map((r) => String(r.stack.property(r.id, 'Name')));
  functionResources.forEach((r, i) => {
    const name = functionNames.indexOf(functionNames[i]!) === i && functionNames.lastIndexOf(functionNames[i]!) === i ? functionNames[i]! : `${functionNames[i]} (${r.id})`;
    functionById.set(String(r.stack.scope.getAtt(r.id, 'FunctionId', r.stack.where(r.id))), name);
    const dataSource = String(r.stack.property(r.id, 'DataSourceName'));
    const code = codeOf(r) ?? mappingTemplatesOf(r);
    const reason = dataSourceReasons.get(dataSource) ?? (code || isDirectLambda(r, dataSources[dataSource]) ? undefined : vtlFunctionReason(name));
    if (reason) functionReasons.set(name, reason.startsWith('its pipeline') ? reason : `its pipeline function ${name}: ${reason.replace(/^its /, '')}`);
    else functions[name] = { dataSource, ...code, ...maxBatchSizeOf(r) };
  });

  const resolvers: Record<string, ResolverDeclaration> = {};
  for (const r of ofApi('AWS::AppSync::Resolver')) {
    const field = `${r.stack.property(r.id, 'TypeName')}.${r.stack.property(r.id, 'FieldName')}`;
    const code = codeOf(r) ?? mappingTemplatesOf(r);
    if (r.stack.property(r.id, 'Kind') === 'PIPELINE') {
      const ids = (r.stack.property(r.id, 'PipelineConfig.Functions') ?? []) as string[];
      const pipeline = ids.map((fnId) => {
        const name = functionById.get(String(fnId));
        if (!name) throw new TemplateError(`${r.stack.where(r.id, 'PipelineConfig.Functions')}: no function of this API has the id ${fnId}`);
        return name;
      });
      const reason = pipeline.map((name) => functionReasons.get(name)).find(Boolean) ?? (code ? undefined : VTL_REASON);
      if (reason) unsupported[field] = reason;
      else resolvers[field] = { pipeline, ...code! };
    } else {
      const dataSource = String(r.stack.property(r.id, 'DataSourceName'));
      const reason = dataSourceReasons.get(dataSource) ?? (code || isDirectLambda(r, dataSources[dataSource]) ? undefined : VTL_REASON);
      if (reason) unsupported[field] = reason;
      else resolvers[field] = { dataSource, ...code, ...maxBatchSizeOf(r) };
    }
  }

  const declaration: ApiDeclaration = {
    name: String(stack.property(id, 'Name')),
    ...schemaOf(ofApi('AWS::AppSync::GraphQLSchema'), api),
    authorization: authorizationOf(api, resources, lambdaFunction),
    environment: Object.fromEntries(Object.entries((stack.property(id, 'EnvironmentVariables') ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)])),
    tables,
    lambdaFunctions,
    dataSources,
    functions,
    resolvers,
    unsupported,
    ...limitsOf(api),
    file: source,
    root: dirname(source),
  };
  checkReferences(declaration);
  return declaration;
}

function tableOf({ stack, id, type }: Resource): TableDeclaration {
  // An Amplify model's table spells CreateTable's properties camelCase; read them under CloudFormation's names.
  const property = (path: string) => (type === AMPLIFY_TABLE ? amplifyTableProperty((p) => stack.property(id, p), path) : stack.property(id, path));
  const definitions = new Map(
    ((property('AttributeDefinitions') ?? []) as { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[]).map((d) => [d.AttributeName, d.AttributeType]),
  );
  const keys = (schema: unknown, path: string) => {
    const list = (schema ?? []) as { AttributeName: string; KeyType: string }[];
    const attribute = (keyType: string) => {
      const name = list.find((k) => k.KeyType === keyType)?.AttributeName;
      if (name === undefined) return undefined;
      const type = definitions.get(name);
      if (!type) throw new TemplateError(`${stack.where(id, path)}: the key ${name} has no AttributeDefinitions entry`);
      return { name, type };
    };
    const partitionKey = attribute('HASH');
    if (!partitionKey) throw new TemplateError(`${stack.where(id, path)}: no HASH key`);
    return { partitionKey, sortKey: attribute('RANGE') };
  };
  type Index = { IndexName: string; KeySchema: unknown };
  const ttl = property('TimeToLiveSpecification') as { AttributeName?: string; Enabled?: boolean } | undefined;
  return {
    ...keys(property('KeySchema'), 'KeySchema'),
    globalSecondaryIndexes: ((property('GlobalSecondaryIndexes') ?? []) as Index[]).map((index, i) => ({
      name: index.IndexName,
      ...keys(index.KeySchema, `GlobalSecondaryIndexes[${i}].KeySchema`),
    })),
    localSecondaryIndexes: ((property('LocalSecondaryIndexes') ?? []) as Index[]).map((index, i) => {
      const { sortKey } = keys(index.KeySchema, `LocalSecondaryIndexes[${i}].KeySchema`);
      if (!sortKey) throw new TemplateError(`${stack.where(id, `LocalSecondaryIndexes[${i}].KeySchema`)}: no RANGE key`);
      return { name: index.IndexName, sortKey };
    }),
    timeToLiveAttribute: ttl && ttl.Enabled !== false ? ttl.AttributeName : undefined,
  };
}

/** APPSYNC_JS code, inline or a code asset; undefined for VTL (or a direct Lambda resolver, which has no code). */
function codeOf({ stack, id }: Resource): { code: string; ready: string } | undefined {
  const runtime = stack.property(id, 'Runtime.Name');
  if (runtime === undefined) return undefined;
  if (runtime !== 'APPSYNC_JS') throw new TemplateError(`${stack.where(id, 'Runtime.Name')}: unknown runtime ${String(runtime)}`);
  const inline = stack.property(id, 'Code');
  if (typeof inline === 'string') return { code: `${stack.file}#${id}`, ready: inline };
  const location = stack.property(id, 'CodeS3Location');
  if (typeof location !== 'string') throw new TemplateError(`${stack.where(id)}: an APPSYNC_JS resolver with neither Code nor CodeS3Location`);
  const file = localFile(stack, location, stack.where(id, 'CodeS3Location'));
  return { code: file, ready: readFileSync(file, 'utf8') };
}

/** VTL: RequestMappingTemplate/ResponseMappingTemplate inline, or their …S3Location assets; undefined when it has neither. */
function mappingTemplatesOf({ stack, id }: Resource): Pick<ResolverDeclaration, 'requestTemplate' | 'responseTemplate' | 'readyTemplates'> | undefined {
  const read = (kind: 'Request' | 'Response') => {
    const inline = stack.property(id, `${kind}MappingTemplate`);
    if (typeof inline === 'string') return { file: `${stack.file}#${id}.${kind}MappingTemplate`, text: inline };
    const location = stack.property(id, `${kind}MappingTemplateS3Location`);
    if (typeof location !== 'string') return undefined;
    const file = localFile(stack, location, stack.where(id, `${kind}MappingTemplateS3Location`));
    return { file, text: readFileSync(file, 'utf8') };
  };
  const [request, response] = [read('Request'), read('Response')];
  if (!request && !response) return undefined;
  return { requestTemplate: request?.file, responseTemplate: response?.file, readyTemplates: { request: request?.text, response: response?.text } };
}

/** A Lambda data source with no code and no mapping template: a direct Lambda resolver, sent AppSync's default event. */
function isDirectLambda({ stack, id }: Resource, dataSource: DataSourceDeclaration | undefined): boolean {
  const templates = ['RequestMappingTemplate', 'RequestMappingTemplateS3Location', 'ResponseMappingTemplate', 'ResponseMappingTemplateS3Location'];
  return dataSource?.type === 'AWS_LAMBDA' && templates.every((property) => stack.property(id, property) === undefined);
}

/** MaxBatchSize (0–2000): how many BatchInvoke calls of the field go to the function at once. */
function maxBatchSizeOf({ stack, id }: Resource): { maxBatchSize?: number } {
  const size = stack.property(id, 'MaxBatchSize');
  if (size === undefined) return {};
  const n = Number(size);
  if (!Number.isInteger(n) || n < 0 || n > 2000) throw new TemplateError(`${stack.where(id, 'MaxBatchSize')}: ${String(size)} is not an integer from 0 to 2000`);
  return { maxBatchSize: n };
}

/** An HTTP data source's endpoint and SigV4 signing; a reason (after "its data source X") when the endpoint cannot be called. */
function httpDataSourceOf({ stack, id }: Resource): DataSourceDeclaration | string {
  let endpoint: unknown;
  let authorization: { AuthorizationType?: string; AwsIamConfig?: { SigningRegion?: string; SigningServiceName?: string } } | undefined;
  try {
    endpoint = stack.property(id, 'HttpConfig.Endpoint');
    authorization = stack.property(id, 'HttpConfig.AuthorizationConfig') as typeof authorization;
  } catch (error) {
    return `has an endpoint the local AppSync cannot resolve (${(error as Error).message})`;
  }
  let url: URL | undefined;
  try {
    url = new URL(String(endpoint));
  } catch {
    // Said below.
  }
  if (!url || !/^https?:$/.test(url.protocol)) return `has the endpoint ${String(endpoint)}, which is not an http(s) URL`;
  if (url.pathname !== '/') return `has the endpoint ${String(endpoint)}, with a path: AppSync takes scheme and authority only`;
  if (!authorization || authorization.AuthorizationType !== 'AWS_IAM') return { type: 'HTTP', endpoint: url.origin };
  const { SigningRegion: signingRegion, SigningServiceName: signingServiceName } = authorization.AwsIamConfig ?? {};
  if (!signingRegion || !signingServiceName) throw new TemplateError(`${stack.where(id, 'HttpConfig.AuthorizationConfig.AwsIamConfig')}: AWS_IAM signing needs SigningRegion and SigningServiceName`);
  return { type: 'HTTP', endpoint: url.origin, authorization: { type: 'AWS_IAM', signingRegion, signingServiceName } };
}

function schemaOf(schemas: Resource[], api: Resource): { schema: string; schemaSource: string } {
  const r = schemas[0];
  if (!r) throw new TemplateError(`${api.stack.where(api.id)}: the API has no AWS::AppSync::GraphQLSchema`);
  const inline = r.stack.property(r.id, 'Definition');
  if (typeof inline === 'string') return { schema: `${r.stack.file}#${r.id}`, schemaSource: inline };
  const location = r.stack.property(r.id, 'DefinitionS3Location');
  if (typeof location !== 'string') throw new TemplateError(`${r.stack.where(r.id)}: neither Definition nor DefinitionS3Location`);
  const file = localFile(r.stack, location, r.stack.where(r.id, 'DefinitionS3Location'));
  return { schema: file, schemaSource: readFileSync(file, 'utf8') };
}

/** An asset of the assembly (by its S3 URL), or a local path as `aws cloudformation package` takes it. */
function localFile(stack: Stack, location: string, where: string): string {
  const asset = stack.deployment.assetFile(location);
  if (asset) return asset;
  if (/^(s3|https?):\/\//.test(location)) {
    throw new TemplateError(`${where}: ${location} is not a file asset of this cloud assembly; the local AppSync reads no S3 bucket: point it at a local file`);
  }
  return resolve(dirname(stack.file), location);
}

type OidcConfig = { Issuer?: string; ClientId?: string; IatTTL?: number; AuthTTL?: number };
type LambdaConfig = { AuthorizerUri?: string; AuthorizerResultTtlInSeconds?: number; IdentityValidationExpression?: string };

function authorizationOf(
  { stack, id }: Resource,
  resources: Resource[],
  lambdaFunction: (arn: string) => { name: string } | { reason: string },
): ApiDeclaration['authorization'] {
  type Provider = { AuthenticationType: string; UserPoolConfig?: { UserPoolId?: string }; OpenIDConnectConfig?: OidcConfig; LambdaAuthorizerConfig?: LambdaConfig };
  const mode = (value: unknown, path: string): AuthMode => {
    if (!AUTH_MODES.includes(String(value))) throw new TemplateError(`${stack.where(id, path)}: unknown authentication type ${String(value)}`);
    return value as AuthMode;
  };
  const providers = (stack.property(id, 'AdditionalAuthenticationProviders') ?? []) as Provider[];
  const modes: ApiDeclaration['authorization'] = {
    default: mode(stack.property(id, 'AuthenticationType'), 'AuthenticationType'),
    additional: providers.map((p, i) => mode(p.AuthenticationType, `AdditionalAuthenticationProviders[${i}]`)),
  };
  // Each mode's configuration sits beside it: on the API for the default mode, in its provider for an additional one.
  const configs = [
    { path: '', mode: modes.default, oidc: stack.property(id, 'OpenIDConnectConfig') as OidcConfig | undefined, lambda: stack.property(id, 'LambdaAuthorizerConfig') as LambdaConfig | undefined },
    ...providers.map((p, i) => ({ path: `AdditionalAuthenticationProviders[${i}].`, mode: modes.additional[i]!, oidc: p.OpenIDConnectConfig, lambda: p.LambdaAuthorizerConfig })),
  ];
  const oidc = configs.filter((c) => c.mode === 'OPENID_CONNECT');
  if (oidc.length > 1) throw new TemplateError(`${stack.where(id)}: ${oidc.length} OpenID Connect providers; the local AppSync serves one`);
  if (oidc[0]) {
    const { Issuer, ClientId, IatTTL, AuthTTL } = oidc[0].oidc ?? {};
    if (!Issuer) throw new TemplateError(`${stack.where(id, `${oidc[0].path}OpenIDConnectConfig.Issuer`)}: OPENID_CONNECT needs its issuer`);
    modes.openIdConnect = { issuer: String(Issuer), clientId: ClientId ? String(ClientId) : undefined, iatTTL: IatTTL === undefined ? undefined : Number(IatTTL), authTTL: AuthTTL === undefined ? undefined : Number(AuthTTL) };
  }
  const lambda = configs.find((c) => c.mode === 'AWS_LAMBDA');
  if (lambda) {
    const where = stack.where(id, `${lambda.path}LambdaAuthorizerConfig.AuthorizerUri`);
    const { AuthorizerUri, AuthorizerResultTtlInSeconds, IdentityValidationExpression } = lambda.lambda ?? {};
    if (!AuthorizerUri) throw new TemplateError(`${where}: AWS_LAMBDA needs its authorizer function`);
    const fn = lambdaFunction(String(AuthorizerUri));
    // Without its authorizer no AWS_LAMBDA caller could be told apart: the API does not start.
    if ('reason' in fn) throw new TemplateError(`${where}: the authorizer ${fn.reason}`);
    modes.lambdaAuthorizer = {
      function: fn.name,
      resultsCacheTtl: AuthorizerResultTtlInSeconds === undefined ? 0 : Number(AuthorizerResultTtlInSeconds),
      identityValidationExpression: IdentityValidationExpression ? String(IdentityValidationExpression) : undefined,
    };
  }
  if (![modes.default, ...modes.additional].includes('AMAZON_COGNITO_USER_POOLS')) return modes;
  const pools = new Set([stack.property(id, 'UserPoolConfig.UserPoolId'), ...providers.map((p) => p.UserPoolConfig?.UserPoolId)].filter(Boolean).map(String));
  const groups = resources
    .filter((r) => r.type === 'AWS::Cognito::UserPoolGroup' && pools.has(String(r.stack.property(r.id, 'UserPoolId'))))
    .map((r) => String(r.stack.scope.ref(r.id, r.stack.where(r.id))));
  return { ...modes, userPool: { groups } };
}

/** The GraphQLApi's request limits, under the names api.json uses (CloudFormation's own), with AppSync's defaults. */
function limitsOf({ stack, id }: Resource): Pick<ApiDeclaration, 'queryDepthLimit' | 'resolverCountLimit' | 'introspectionConfig'> {
  const queryDepth = stack.property(id, 'QueryDepthLimit');
  const resolverCount = stack.property(id, 'ResolverCountLimit');
  const introspection = stack.property(id, 'IntrospectionConfig');
  return {
    queryDepthLimit: queryDepth === undefined ? 0 : Number(queryDepth),
    resolverCountLimit: resolverCount === undefined ? 0 : Number(resolverCount),
    introspectionConfig: introspection === 'DISABLED' ? 'DISABLED' : 'ENABLED',
  };
}
