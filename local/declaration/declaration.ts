// The API's declaration: which field is resolved by which resolver or pipeline,
// through which data source, against which table. The local AppSync and the
// cloud deployment (amplify/) both read it, so the two cannot drift.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { Gen2Backend } from '../gen2/backend.ts';

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
/** HTTP data sources may be signed with SigV4 (AppSync's authorizationConfig AWS_IAM). */
const HttpAuthorization = z.strictObject({
  type: z.literal('AWS_IAM'),
  signingRegion: z.string().min(1),
  signingServiceName: z.string().min(1),
});
const DataSource = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('AMAZON_DYNAMODB'), table: z.string() }),
  z.strictObject({ type: z.literal('NONE') }),
  /** A Lambda function declared under lambdaFunctions. */
  z.strictObject({ type: z.literal('AWS_LAMBDA'), function: z.string() }),
  /** endpoint: scheme and authority (AppSync takes no path); locally it can be pointed elsewhere (--http-endpoint). */
  z.strictObject({
    type: z.literal('HTTP'),
    endpoint: z.url({ protocol: /^https?$/ }).refine((url) => new URL(url).pathname === '/', 'an HTTP endpoint has no path: put it in resourcePath'),
    authorization: HttpAuthorization.optional(),
  }),
]);
const Code = z.string().min(1).describe('path of the TypeScript or JavaScript source, relative to the declaration');
/** BatchInvoke groups at most this many calls of one field (AppSync's maxBatchSize, 0–2000). */
const MaxBatchSize = z.number().int().min(0).max(2000);
/** VTL instead of code: mapping template files (request and response; a pipeline's before and after). */
const Template = z.string().min(1).describe('path of a VTL mapping template, relative to the declaration');
const Templates = { requestTemplate: Template.optional(), responseTemplate: Template.optional() };
const notBoth = (step: { code?: string; requestTemplate?: string; responseTemplate?: string }) => !(step.code && (step.requestTemplate || step.responseTemplate));
const NOT_BOTH = { message: 'code (APPSYNC_JS) or requestTemplate/responseTemplate (VTL), not both' };
const Step = z.strictObject({ dataSource: z.string(), code: Code.optional(), maxBatchSize: MaxBatchSize.optional(), ...Templates }).refine(notBoth, NOT_BOTH);
/** Without code or templates on an AWS_LAMBDA data source: a direct Lambda resolver (AppSync's default event, the function's answer as the value). */
const Resolver = z.union([
  Step,
  z
    .strictObject({ pipeline: z.array(z.string()).min(1).max(10), code: Code.optional(), ...Templates })
    .refine(notBoth, NOT_BOTH)
    .refine((r) => r.code || r.requestTemplate || r.responseTemplate, { message: 'a pipeline needs code (APPSYNC_JS) or requestTemplate/responseTemplate (VTL)' }),
]);
/** Node.js code run as a Lambda function: `file#export` (TypeScript or JavaScript), with Lambda's settings. */
const LambdaFunction = z.strictObject({
  handler: z.string().regex(/^[^#]+#[A-Za-z_$][\w$]*$/, 'is not file#export'),
  /** Seconds (Lambda's default 3, at most 900). */
  timeout: z.number().int().min(1).max(900).default(3),
  /** MB (Lambda's default 128): locally the heap limit of the function's worker. */
  memorySize: z.number().int().min(128).max(10240).default(128),
  environment: z.record(z.string().regex(/^[a-zA-Z]\w*$/, 'is not a Lambda environment variable name'), z.string()).default({}),
});
/** AWS_LAMBDA authorization: the authorizer function and its cache (AppSync's LambdaAuthorizerConfig). */
const LambdaAuthorizer = z.strictObject({
  function: z.string(),
  /** authorizerResultTtlInSeconds: 0 (the default) caches nothing; at most 3600. */
  resultsCacheTtl: z.number().int().min(0).max(3600).default(0),
  /** A token must match it, whole, before the function is called. */
  identityValidationExpression: z.string().optional(),
});

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
      lambdaAuthorizer: LambdaAuthorizer.optional(),
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
    })
    .refine((auth) => Boolean(auth.lambdaAuthorizer) === [auth.default, ...auth.additional].includes('AWS_LAMBDA'), {
      message: 'the AWS_LAMBDA mode needs a lambdaAuthorizer, and a lambdaAuthorizer needs the AWS_LAMBDA mode',
      path: ['lambdaAuthorizer'],
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
  lambdaFunctions: z.record(z.string().regex(/^[a-zA-Z0-9-_]{1,64}$/, 'is not a Lambda function name'), LambdaFunction).default({}),
  dataSources: z.record(z.string(), DataSource),
  functions: z.record(z.string(), Step).default({}),
  resolvers: z.record(z.string().regex(/^\w+\.\w+$/, 'is not Type.field'), Resolver),
});

type Parsed = z.infer<typeof Declaration>;

/**
 * Code that is already one bundled ES module (a template's inline `Code` or its code
 * asset): it runs as it is, and `code` only names it. Without it, `code` is the path of
 * a TypeScript or JavaScript source that is bundled first.
 */
type ReadyCode = { ready?: string; readyTemplates?: { request?: string; response?: string } };

export type AuthMode = z.infer<typeof AuthMode>;
export type AuthorizationDeclaration = Parsed['authorization'];
export type TableDeclaration = z.infer<typeof Table>;
export type DataSourceDeclaration = z.infer<typeof DataSource>;
export type ResolverDeclaration = z.infer<typeof Resolver> & ReadyCode;
export type FunctionDeclaration = Parsed['functions'][string] & ReadyCode;
/**
 * A template's function runs as it was deployed: `asDeployed` says its handler file is
 * loaded as it is (a code asset or inline ZipFile: what Lambda runs), not bundled first.
 */
export type LambdaFunctionDeclaration = z.infer<typeof LambdaFunction> & { asDeployed?: boolean };
export type LambdaAuthorizerDeclaration = z.infer<typeof LambdaAuthorizer>;

/** A declaration with its paths made absolute and its references checked. */
export type ApiDeclaration = Omit<Parsed, 'resolvers' | 'functions' | 'lambdaFunctions'> & {
  resolvers: Record<string, ResolverDeclaration>;
  lambdaFunctions: Record<string, LambdaFunctionDeclaration>;
  functions: Record<string, FunctionDeclaration>;
  file: string;
  root: string;
  /** The SDL itself when it is in no file of its own (a template's inline `Definition`); `schema` then only names it. */
  schemaSource?: string;
  /**
   * Fields the local AppSync does not serve yet (a VTL resolver, a data source type it
   * has not got), each with why. They answer an error; the rest of the API serves.
   */
  unsupported?: Record<string, string>;
  /** An Amplify Gen 2 backend's outputs and what of it is not emulated (local/gen2/backend.ts). */
  gen2?: Gen2Backend;
};

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
  for (const step of [...Object.values(api.functions), ...Object.values(api.resolvers)]) {
    if (step.code) step.code = resolve(root, step.code);
    if (step.requestTemplate) step.requestTemplate = resolve(root, step.requestTemplate);
    if (step.responseTemplate) step.responseTemplate = resolve(root, step.responseTemplate);
  }
  for (const fn of Object.values(api.lambdaFunctions)) {
    const [file, name] = fn.handler.split('#') as [string, string];
    fn.handler = `${resolve(root, file)}#${name}`;
  }
  checkReferences(api);
  return api;
}

/** Every name a declaration refers to (table, data source, function) is declared. */
export function checkReferences(api: ApiDeclaration) {
  const problems: string[] = [];
  for (const [name, source] of Object.entries(api.dataSources)) {
    if (source.type === 'AMAZON_DYNAMODB' && !api.tables[source.table]) {
      problems.push(`dataSources.${name}: no table named ${source.table}`);
    }
    if (source.type === 'AWS_LAMBDA' && !api.lambdaFunctions[source.function]) {
      problems.push(`dataSources.${name}: no Lambda function named ${source.function}`);
    }
  }
  for (const [name, value] of Object.entries(api.environment)) {
    if (typeof value !== 'string' && !api.tables[value.tableName]) problems.push(`environment.${name}: no table named ${value.tableName}`);
  }
  const lambdaAuthorizer = api.authorization.lambdaAuthorizer;
  if (lambdaAuthorizer && !api.lambdaFunctions[lambdaAuthorizer.function]) {
    problems.push(`authorization.lambdaAuthorizer: no Lambda function named ${lambdaAuthorizer.function}`);
  }
  // Only a Lambda data source runs without code (a direct Lambda resolver), as in AppSync.
  const direct = (where: string, step: { dataSource: string; code?: string; requestTemplate?: string }) => {
    if (!step.code && !step.requestTemplate && api.dataSources[step.dataSource] && api.dataSources[step.dataSource]!.type !== 'AWS_LAMBDA') {
      problems.push(`${where}: code or requestTemplate is required (only an AWS_LAMBDA data source has direct resolvers)`);
    }
  };
  for (const [name, fn] of Object.entries(api.functions)) {
    if (!api.dataSources[fn.dataSource]) problems.push(`functions.${name}: no data source named ${fn.dataSource}`);
    direct(`functions.${name}`, fn);
  }
  for (const [field, resolver] of Object.entries(api.resolvers)) {
    if ('dataSource' in resolver && !api.dataSources[resolver.dataSource]) {
      problems.push(`resolvers.${field}: no data source named ${resolver.dataSource}`);
    }
    if ('dataSource' in resolver) direct(`resolvers.${field}`, resolver);
    if ('pipeline' in resolver) {
      for (const fn of resolver.pipeline) {
        if (!api.functions[fn]) problems.push(`resolvers.${field}: no function named ${fn}`);
      }
    }
  }
  if (problems.length) throw new DeclarationError(`${api.file}:\n  ${problems.join('\n  ')}`);
}
