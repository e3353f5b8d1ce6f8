// What `Ref` and `Fn::GetAtt` give for a resource, as CloudFormation gives it once
// deployed: names, ids and ARNs built the way the service builds them. Ids that AWS
// makes at random are derived from the stack and logical id instead, so they stay
// the same from one start to the next (the data kept under a table's name with them).
import { createHash } from 'node:crypto';
import { AMPLIFY_TABLE, amplifyTable } from '../gen2/amplify-table.ts';
import { TemplateError } from './errors.ts';

/** What an attribute needs to know about its resource. */
export type ResourceView = {
  id: string;
  type: string;
  stackName: string;
  account: string;
  region: string;
  partition: string;
  urlSuffix: string;
  /** A property, resolved; undefined when absent. */
  property(path: string): unknown;
  /** The name CloudFormation makes for a resource without one: stack-logicalId-SUFFIX. */
  physicalName(maxLength?: number): string;
  /** A nested stack's output. */
  output?(name: string): unknown;
  /** The ApiId of the API the resource belongs to. */
  apiId(): string;
};

/** A stable id from some text: `length` characters of `alphabet`. */
export function stableId(text: string, length: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
  const bytes = createHash('sha256').update(text).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[bytes[i % bytes.length]! % alphabet.length];
  return out;
}

type Attributes = { ref(r: ResourceView): unknown; attributes: Record<string, (r: ResourceView) => unknown> };

const arn = (r: ResourceView, service: string, resource: string, region = r.region, account = r.account) =>
  `arn:${r.partition}:${service}:${region}:${account}:${resource}`;
const named = (r: ResourceView, property: string, maxLength?: number) => (r.property(property) as string | undefined) ?? r.physicalName(maxLength);
const uniqueId = (r: ResourceView, length = 26) => stableId(`${r.stackName}/${r.id}`, length);

const tableName = (r: ResourceView) => named(r, 'TableName', 255);
const table: Attributes = {
  ref: tableName,
  attributes: {
    Arn: (r) => arn(r, 'dynamodb', `table/${tableName(r)}`),
    StreamArn: (r) => arn(r, 'dynamodb', `table/${tableName(r)}/stream/1970-01-01T00:00:00.000`),
    TableId: (r) => uniqueId(r, 36),
  },
};
const apiArn = (r: ResourceView) => arn(r, 'appsync', `apis/${r.apiId()}`);
const dataSourceArn = (r: ResourceView) => `${apiArn(r)}/datasources/${r.property('Name')}`;
const functionArn = (r: ResourceView) => `${apiArn(r)}/functions/${uniqueId(r)}`;
const resolverArn = (r: ResourceView) => `${apiArn(r)}/types/${r.property('TypeName')}/resolvers/${r.property('FieldName')}`;
const userPoolId = (r: ResourceView) => `${r.region}_${stableId(`${r.stackName}/${r.id}`, 9, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}`;
const roleName = (r: ResourceView) => named(r, 'RoleName', 64);
const functionName = (r: ResourceView) => named(r, 'FunctionName', 64);

const TYPES: Record<string, Attributes> = {
  'AWS::DynamoDB::Table': table,
  'AWS::DynamoDB::GlobalTable': table,
  'AWS::AppSync::GraphQLApi': {
    ref: apiArn,
    attributes: {
      ApiId: (r) => r.apiId(),
      Arn: apiArn,
      GraphQLUrl: (r) => `https://${r.apiId()}.appsync-api.${r.region}.${r.urlSuffix}/graphql`,
      RealtimeUrl: (r) => `wss://${r.apiId()}.appsync-realtime-api.${r.region}.${r.urlSuffix}/graphql`,
      GraphQLDns: (r) => `${r.apiId()}.appsync-api.${r.region}.${r.urlSuffix}`,
      RealtimeDns: (r) => `${r.apiId()}.appsync-realtime-api.${r.region}.${r.urlSuffix}`,
      GraphQLEndpointArn: apiArn,
    },
  },
  'AWS::AppSync::GraphQLSchema': { ref: (r) => `${r.apiId()}GraphQLSchema`, attributes: {} },
  'AWS::AppSync::ApiKey': {
    ref: (r) => `${apiArn(r)}/apikeys/${uniqueId(r)}`,
    attributes: {
      // Not the local key: the local AppSync keeps its own (printed at start).
      ApiKey: (r) => `da2-${uniqueId(r)}`,
      ApiKeyId: (r) => uniqueId(r),
      Arn: (r) => `${apiArn(r)}/apikeys/${uniqueId(r)}`,
    },
  },
  'AWS::AppSync::DataSource': { ref: dataSourceArn, attributes: { DataSourceArn: dataSourceArn, Name: (r) => r.property('Name') } },
  'AWS::AppSync::FunctionConfiguration': {
    ref: functionArn,
    attributes: {
      FunctionId: (r) => uniqueId(r),
      FunctionArn: functionArn,
      DataSourceName: (r) => r.property('DataSourceName'),
      Name: (r) => r.property('Name'),
    },
  },
  'AWS::AppSync::Resolver': {
    ref: resolverArn,
    attributes: { ResolverArn: resolverArn, TypeName: (r) => r.property('TypeName'), FieldName: (r) => r.property('FieldName') },
  },
  'AWS::Cognito::UserPool': {
    ref: userPoolId,
    attributes: {
      UserPoolId: userPoolId,
      Arn: (r) => arn(r, 'cognito-idp', `userpool/${userPoolId(r)}`),
      ProviderName: (r) => `cognito-idp.${r.region}.${r.urlSuffix}/${userPoolId(r)}`,
      ProviderURL: (r) => `https://cognito-idp.${r.region}.${r.urlSuffix}/${userPoolId(r)}`,
    },
  },
  'AWS::Cognito::UserPoolClient': { ref: (r) => uniqueId(r), attributes: { ClientId: (r) => uniqueId(r), Name: (r) => r.property('ClientName') } },
  'AWS::Cognito::UserPoolGroup': { ref: (r) => named(r, 'GroupName', 128), attributes: {} },
  'AWS::IAM::Role': {
    ref: roleName,
    attributes: { Arn: (r) => arn(r, 'iam', `role/${roleName(r)}`, ''), RoleId: (r) => `AROA${uniqueId(r, 17).toUpperCase()}` },
  },
  'AWS::IAM::ManagedPolicy': { ref: (r) => arn(r, 'iam', `policy/${named(r, 'ManagedPolicyName', 128)}`, ''), attributes: {} },
  'AWS::Lambda::Function': { ref: functionName, attributes: { Arn: (r) => arn(r, 'lambda', `function:${functionName(r)}`) } },
  // A custom resource whose physical id and attributes are known before it is deployed: an Amplify model's table.
  [AMPLIFY_TABLE]: amplifyTable,
  'AWS::CloudFormation::Stack': {
    ref: (r) => arn(r, 'cloudformation', `stack/${r.physicalName(128)}/${uniqueId(r, 36)}`),
    attributes: {},
  },
};

const isCustom = (type: string) => (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') && !TYPES[type];

export function referenceOf(r: ResourceView, where: string): unknown {
  if (isCustom(r.type)) {
    throw new TemplateError(`${where}: Ref ${r.id}: ${r.id} is a custom resource (${r.type}); its physical id exists only once it is deployed, so the local AppSync cannot resolve it`);
  }
  return (TYPES[r.type]?.ref ?? ((v: ResourceView) => v.physicalName()))(r);
}

export function attributeOf(r: ResourceView, attribute: string, where: string): unknown {
  if (isCustom(r.type)) {
    throw new TemplateError(`${where}: Fn::GetAtt ${r.id}.${attribute}: ${r.id} is a custom resource (${r.type}); its attributes exist only once it is deployed, so the local AppSync cannot resolve them`);
  }
  if (r.type === 'AWS::CloudFormation::Stack' && attribute.startsWith('Outputs.') && r.output) return r.output(attribute.slice('Outputs.'.length));
  const get = TYPES[r.type]?.attributes[attribute];
  if (!get) {
    throw new TemplateError(`${where}: Fn::GetAtt ${r.id}.${attribute}: the local AppSync does not know the attribute ${attribute} of ${r.type}; it exists only once deployed`);
  }
  return get(r);
}
