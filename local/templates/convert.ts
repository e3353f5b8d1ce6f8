// A deployment's AppSync API, turned into the same ApiDeclaration that api.json
// gives: the local AppSync then serves it with the same parts. What it reads:
// GraphQLApi, GraphQLSchema, DataSource, Resolver, FunctionConfiguration, DynamoDB
// tables and Cognito user pool groups; the rest of the template (roles, policies,
// API keys, user pool clients) only matters once deployed.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  checkReferences,
  type ApiDeclaration,
  type AuthMode,
  type DataSourceDeclaration,
  type FunctionDeclaration,
  type ResolverDeclaration,
  type TableDeclaration,
} from '../declaration/declaration.ts';
import type { LoadedDeployment } from './assembly.ts';
import { TemplateError } from './errors.ts';
import type { Stack } from './stack.ts';
import { dataSourceTypeReason, unknownTableReason, VTL_REASON, vtlFunctionReason } from './unsupported.ts';

type Resource = { stack: Stack; id: string; type: string };

const AUTH_MODES: readonly string[] = ['API_KEY', 'AWS_IAM', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_LAMBDA'];
const READ_TYPES = [
  'AWS::AppSync::GraphQLApi', 'AWS::AppSync::GraphQLSchema', 'AWS::AppSync::DataSource', 'AWS::AppSync::Resolver',
  'AWS::AppSync::FunctionConfiguration', 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable', 'AWS::Cognito::UserPoolGroup',
];

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
  return convert(chosen[0]!, resources, loaded.source);
}

function convert(api: Resource, resources: Resource[], source: string): ApiDeclaration {
  const { stack, id } = api;
  if ((stack.property(id, 'ApiType') ?? 'GRAPHQL') !== 'GRAPHQL') {
    throw new TemplateError(`${stack.where(id, 'ApiType')}: merged APIs are not served by the local AppSync; serve each source API`);
  }
  const apiId = String(stack.scope.getAtt(id, 'ApiId', stack.where(id)));
  const ofApi = (type: string) => resources.filter((r) => r.type === type && String(r.stack.property(r.id, 'ApiId')) === apiId);
  const unsupported: Record<string, string> = {};

  const tables: Record<string, TableDeclaration> = {};
  for (const r of resources.filter((r) => r.type === 'AWS::DynamoDB::Table' || r.type === 'AWS::DynamoDB::GlobalTable')) {
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
    else {
      let table: string;
      try {
        table = String(r.stack.property(r.id, 'DynamoDBConfig.TableName'));
      } catch (error) {
        // An Amplify model's table is a custom resource (Custom::AmplifyDynamoDBTable): its fields wait, the rest serves.
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
    const reason = dataSourceReasons.get(dataSource) ?? (code ? undefined : vtlFunctionReason(name));
    if (reason) functionReasons.set(name, reason.startsWith('its pipeline') ? reason : `its pipeline function ${name}: ${reason.replace(/^its /, '')}`);
    else functions[name] = { dataSource, ...code! };
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
      const reason = dataSourceReasons.get(dataSource) ?? (code ? undefined : VTL_REASON);
      if (reason) unsupported[field] = reason;
      else resolvers[field] = { dataSource, ...code! };
    }
  }

  const declaration: ApiDeclaration = {
    name: String(stack.property(id, 'Name')),
    ...schemaOf(ofApi('AWS::AppSync::GraphQLSchema'), api),
    authorization: authorizationOf(api, resources),
    environment: Object.fromEntries(Object.entries((stack.property(id, 'EnvironmentVariables') ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)])),
    tables,
    // Lambda functions of a template are not run locally: their data sources are unsupported.
    lambdaFunctions: {},
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

function tableOf({ stack, id }: Resource): TableDeclaration {
  const definitions = new Map(
    ((stack.property(id, 'AttributeDefinitions') ?? []) as { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[]).map((d) => [d.AttributeName, d.AttributeType]),
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
  const ttl = stack.property(id, 'TimeToLiveSpecification') as { AttributeName?: string; Enabled?: boolean } | undefined;
  return {
    ...keys(stack.property(id, 'KeySchema'), 'KeySchema'),
    globalSecondaryIndexes: ((stack.property(id, 'GlobalSecondaryIndexes') ?? []) as Index[]).map((index, i) => ({
      name: index.IndexName,
      ...keys(index.KeySchema, `GlobalSecondaryIndexes[${i}].KeySchema`),
    })),
    localSecondaryIndexes: ((stack.property(id, 'LocalSecondaryIndexes') ?? []) as Index[]).map((index, i) => {
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

function authorizationOf({ stack, id }: Resource, resources: Resource[]): ApiDeclaration['authorization'] {
  type Provider = { AuthenticationType: string; UserPoolConfig?: { UserPoolId?: string } };
  const mode = (value: unknown, path: string): AuthMode => {
    if (!AUTH_MODES.includes(String(value))) throw new TemplateError(`${stack.where(id, path)}: unknown authentication type ${String(value)}`);
    return value as AuthMode;
  };
  const providers = (stack.property(id, 'AdditionalAuthenticationProviders') ?? []) as Provider[];
  const modes = { default: mode(stack.property(id, 'AuthenticationType'), 'AuthenticationType'), additional: providers.map((p, i) => mode(p.AuthenticationType, `AdditionalAuthenticationProviders[${i}]`)) };
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
