// The API's declaration: which field is resolved by which resolver or pipeline,
// through which data source, against which table. The local AppSync and the
// cloud deployment (amplify/) both read it, so the two cannot drift.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

const AuthMode = z.enum(['API_KEY', 'AWS_IAM', 'AMAZON_COGNITO_USER_POOLS', 'OPENID_CONNECT', 'AWS_LAMBDA']);
const KeyAttribute = z.strictObject({ name: z.string().min(1), type: z.enum(['S', 'N', 'B']) });
const Index = z.strictObject({
  name: z.string().min(3).max(255),
  partitionKey: KeyAttribute,
  sortKey: KeyAttribute.optional(),
});
const Table = z.strictObject({
  partitionKey: KeyAttribute,
  sortKey: KeyAttribute.optional(),
  globalSecondaryIndexes: z.array(Index).default([]),
  localSecondaryIndexes: z.array(Index.omit({ partitionKey: true }).extend({ sortKey: KeyAttribute })).default([]),
  timeToLiveAttribute: z.string().optional(),
});
const DataSource = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('AMAZON_DYNAMODB'), table: z.string() }),
  z.strictObject({ type: z.literal('NONE') }),
]);
const Code = z.string().min(1).describe('path of the TypeScript or JavaScript source, relative to the declaration');
const Resolver = z.union([
  z.strictObject({ dataSource: z.string(), code: Code }),
  z.strictObject({ pipeline: z.array(z.string()).min(1).max(10), code: Code }),
]);

/** The user pool of AMAZON_COGNITO_USER_POOLS: its groups (cognito:groups), created in the cloud and locally. */
const UserPool = z.strictObject({
  groups: z.array(z.string().regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u, 'is not a Cognito group name')).default([]),
});

/** AWS_IAM locally: the account the callers' ARNs name, and IAM users declared with the API (or given with --iam). */
const Iam = z.strictObject({
  accountId: z.string().regex(/^\d{12}$/, 'is not a 12-digit AWS account id').default('000000000000'),
  users: z
    .array(z.strictObject({ name: z.string().regex(/^[\w+=,.@-]{1,64}$/, 'is not an IAM user name'), accessKeyId: z.string().regex(/^[A-Z0-9]{16,128}$/, 'is not an access key id'), secretAccessKey: z.string().min(1) }))
    .default([]),
});

/** OPENID_CONNECT: AppSync's OpenIDConnectConfig (TTLs in milliseconds; 0 or absent: no limit). */
const OpenIdConnect = z.strictObject({
  issuer: z.url(),
  clientId: z.string().min(1).optional(),
  iatTTL: z.number().int().nonnegative().optional(),
  authTTL: z.number().int().nonnegative().optional(),
});

const Declaration = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  schema: z.string(),
  authorization: z
    .strictObject({
      default: AuthMode,
      additional: z.array(AuthMode).default([]),
      userPool: UserPool.optional(),
      iam: Iam.optional(),
      openIdConnect: OpenIdConnect.optional(),
    })
    .refine((auth) => !auth.userPool || [auth.default, ...auth.additional].includes('AMAZON_COGNITO_USER_POOLS'), {
      message: 'userPool is only used with the AMAZON_COGNITO_USER_POOLS mode',
      path: ['userPool'],
    })
    .refine((auth) => !auth.iam || [auth.default, ...auth.additional].includes('AWS_IAM'), {
      message: 'iam is only used with the AWS_IAM mode',
      path: ['iam'],
    })
    .refine((auth) => !!auth.openIdConnect === [auth.default, ...auth.additional].includes('OPENID_CONNECT'), {
      message: 'the OPENID_CONNECT mode needs openIdConnect (its issuer), and openIdConnect needs the mode',
      path: ['openIdConnect'],
    }),
  /** Resolver environment variables (ctx.env): a value, or `{ "tableName": T }` for the deployed name of declared table T. */
  environment: z
    .record(z.string().regex(/^[A-Za-z]\w{1,63}$/, 'is not an AppSync environment variable name'), z.union([z.string(), z.strictObject({ tableName: z.string() })]))
    .default({}),
  /** AppSync's request limits, as CloudFormation's GraphQLApi names them: 0 is no depth limit, and the default 10,000 resolvers. */
  queryDepthLimit: z.number().int().min(0).max(75).default(0),
  resolverCountLimit: z.number().int().min(0).max(10_000).default(0),
  introspectionConfig: z.enum(['ENABLED', 'DISABLED']).default('ENABLED'),
  tables: z.record(z.string(), Table).default({}),
  dataSources: z.record(z.string(), DataSource),
  functions: z.record(z.string(), z.strictObject({ dataSource: z.string(), code: Code })).default({}),
  resolvers: z.record(z.string().regex(/^\w+\.\w+$/, 'is not Type.field'), Resolver),
});

export type AuthMode = z.infer<typeof AuthMode>;
export type AuthorizationDeclaration = z.infer<typeof Declaration>['authorization'];
export type TableDeclaration = z.infer<typeof Table>;
export type DataSourceDeclaration = z.infer<typeof DataSource>;
export type ResolverDeclaration = z.infer<typeof Resolver>;

/** A declaration with its paths made absolute and its references checked. */
export type ApiDeclaration = z.infer<typeof Declaration> & { file: string; root: string };

/** ctx.env as resolvers see it, given where each declared table really is. */
export function resolveEnvironment(api: ApiDeclaration, tableName: (declared: string) => string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(api.environment).map(([name, value]) => [name, typeof value === 'string' ? value : tableName(value.tableName)]),
  );
}

export class DeclarationError extends Error {
  override name = 'DeclarationError';
}

export function loadDeclaration(file: string): ApiDeclaration {
  const path = resolve(file);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DeclarationError(`${path}: ${(error as Error).message}`);
  }
  return parseDeclaration(json, path);
}

export function parseDeclaration(json: unknown, path: string): ApiDeclaration {
  const parsed = Declaration.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new DeclarationError(`${path} is not a valid API declaration:\n${problems.join('\n')}`);
  }
  const root = dirname(path);
  const api: ApiDeclaration = { ...parsed.data, file: path, root };
  api.schema = resolve(root, api.schema);
  for (const fn of Object.values(api.functions)) fn.code = resolve(root, fn.code);
  for (const resolver of Object.values(api.resolvers)) resolver.code = resolve(root, resolver.code);
  checkReferences(api);
  return api;
}

function checkReferences(api: ApiDeclaration) {
  const problems: string[] = [];
  for (const [name, source] of Object.entries(api.dataSources)) {
    if (source.type === 'AMAZON_DYNAMODB' && !api.tables[source.table]) {
      problems.push(`dataSources.${name}: no table named ${source.table}`);
    }
  }
  for (const [name, value] of Object.entries(api.environment)) {
    if (typeof value !== 'string' && !api.tables[value.tableName]) problems.push(`environment.${name}: no table named ${value.tableName}`);
  }
  for (const [name, fn] of Object.entries(api.functions)) {
    if (!api.dataSources[fn.dataSource]) problems.push(`functions.${name}: no data source named ${fn.dataSource}`);
  }
  for (const [field, resolver] of Object.entries(api.resolvers)) {
    if ('dataSource' in resolver && !api.dataSources[resolver.dataSource]) {
      problems.push(`resolvers.${field}: no data source named ${resolver.dataSource}`);
    }
    if ('pipeline' in resolver) {
      for (const fn of resolver.pipeline) {
        if (!api.functions[fn]) problems.push(`resolvers.${field}: no function named ${fn}`);
      }
    }
  }
  if (problems.length) throw new DeclarationError(`${api.file}:\n  ${problems.join('\n  ')}`);
}
