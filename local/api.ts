// An AppSync API made runnable: the schema built, every resolver and function
// bundled and compiled (or its VTL templates parsed), every data source wired to its engine.
import { readFileSync } from 'node:fs';
import { defaultFieldResolver, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { fieldAuthorization, isGrantedToRequest, notAuthorized, type Grant } from './auth/directives.ts';
import { bundleApi, type CodeBundles } from './declaration/bundle.ts';
import { DeclarationError, resolveEnvironment, type ApiDeclaration } from './declaration/declaration.ts';
import type { DataSource } from './data-sources/data-source.ts';
import { dynamoDbDataSource } from './data-sources/dynamodb/index.ts';
import { httpDataSource } from './data-sources/http/index.ts';
import { lambdaDataSource } from './data-sources/lambda/index.ts';
import { noneDataSource } from './data-sources/none.ts';
import { invocationLimitError, type RequestLimits } from './graphql/limits.ts';
import { lambdaFunctions, type LocalLambdaFunction } from './functions/runner.ts';
import { buildAppSyncSchema, subscriptionTriggers } from './graphql/schema.ts';
import type { CompiledFunction, CompiledResolver } from './resolvers/compiled.ts';
import { fieldResolver } from './resolvers/field.ts';
import { REQUEST_TIME_LIMIT_MS, type RequestState } from './resolvers/request-state.ts';
import { createRealm, loadCode } from './runtime/sandbox.ts';
import { ResolverError } from './runtime/signals.ts';
import { assertValidCode } from './runtime/validation/bundles.ts';
import { UNSUPPORTED_ERROR_TYPE } from './templates/unsupported.ts';
import { loadTemplates } from './vtl/load.ts';
import type { DynamoDbEngine } from './store/engine.ts';

export type LocalApi = {
  declaration: ApiDeclaration;
  schema: GraphQLSchema;
  bundles: CodeBundles;
  resolvers: Map<string, CompiledResolver>;
  /** ctx.env: locally every table keeps its declared name. */
  environment: Record<string, string>;
  /** Subscription field → the mutations that publish to it. */
  triggers: Map<string, string[]>;
  /** Query depth, resolver count and introspection, from the declaration. */
  limits: RequestLimits;
  /** How long a request's handlers may run before "Execution timed out." (AppSync's 30 s unless lowered). */
  executionTimeoutMs: number;
  /** True for a field with a declared resolver (they count toward the resolver limit). */
  hasResolver(typeName: string, fieldName: string): boolean;
  /** Runs declared resolvers; every other field reads its parent, as in AppSync. */
  fieldResolver: GraphQLFieldResolver<unknown, RequestState>;
  /** The declared Lambda functions, each run in its own workers. */
  lambdaFunctions: Map<string, LocalLambdaFunction>;
  /** Stops what runs beside the API (the Lambda functions' workers). */
  close(): Promise<void>;
};

export type ApiOptions = {
  /** HTTP data source → the endpoint to call instead of the declared one (a local stand-in for a remote service). */
  httpEndpoints?: Record<string, string>;
  /** A request time limit under AppSync's 30 s (REQUEST_TIME_LIMIT_MS), so tests of a runaway need not wait it out. */
  executionTimeoutMs?: number;
};

export function createApi(declaration: ApiDeclaration, engine: DynamoDbEngine, options: ApiOptions = {}): LocalApi {
  const { executionTimeoutMs = REQUEST_TIME_LIMIT_MS } = options;
  if (!(executionTimeoutMs > 0 && executionTimeoutMs <= REQUEST_TIME_LIMIT_MS)) {
    throw new RangeError(`The execution timeout can be lowered from AppSync's ${REQUEST_TIME_LIMIT_MS / 1000} s, not raised or set to ${executionTimeoutMs} ms`);
  }
  let schema: GraphQLSchema;
  try {
    schema = buildAppSyncSchema(declaration.schemaSource ?? readFileSync(declaration.schema, 'utf8'));
  } catch (error) {
    throw new DeclarationError(`${declaration.schema}: ${(error as Error).message}`);
  }
  const bundles = bundleApi(declaration);
  // As AppSync refuses to save code that breaks its rules, a bad resolver stops the API from starting.
  assertValidCode(bundles);
  const realm = createRealm();
  const modules = new Map(
    [...bundles.byFile].map(([file, code]) => [file, loadCode(realm, code, file, { bundleMap: bundles.maps.get(file) })]),
  );

  for (const name of Object.keys(options.httpEndpoints ?? {})) {
    if (declaration.dataSources[name]?.type !== 'HTTP') throw new DeclarationError(`${declaration.file}: no HTTP data source named ${name} (given an endpoint)`);
  }
  // Bundled now: a handler that does not build stops the API from starting, as a failed deployment would.
  const functionsOfLambda = lambdaFunctions(declaration.lambdaFunctions);
  const dataSources = new Map<string, DataSource>();
  for (const [name, source] of Object.entries(declaration.dataSources)) {
    dataSources.set(name, dataSourceOf(name, source, engine, functionsOfLambda.functions, options));
  }
  const moduleOf = (code: string | undefined) => (code ? modules.get(code)! : null);
  const functions = new Map<string, CompiledFunction>();
  for (const [name, fn] of Object.entries(declaration.functions)) {
    functions.set(name, { name, module: moduleOf(fn.code), dataSource: dataSources.get(fn.dataSource)!, maxBatchSize: fn.maxBatchSize ?? 0, templates: loadTemplates(fn) });
  }

  const checkField = (field: string) => {
    const [typeName, fieldName] = field.split('.') as [string, string];
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType) || !type.getFields()[fieldName]) {
      throw new DeclarationError(`${declaration.file}: resolvers.${field}: No field named ${fieldName} found on type ${typeName}`);
    }
  };
  const resolvers = new Map<string, CompiledResolver>();
  for (const [field, resolver] of Object.entries(declaration.resolvers)) {
    checkField(field);
    resolvers.set(
      field,
      'pipeline' in resolver
        ? { kind: 'PIPELINE', field, module: moduleOf(resolver.code), templates: loadTemplates(resolver), realm, functions: resolver.pipeline.map((name) => functions.get(name)!) }
        : { kind: 'UNIT', field, module: moduleOf(resolver.code), realm, dataSource: dataSources.get(resolver.dataSource)!, maxBatchSize: resolver.maxBatchSize ?? 0, templates: loadTemplates(resolver) },
    );
  }

  const byField = new Map<string, GraphQLFieldResolver<unknown, RequestState>>([...resolvers].map(([field, resolver]) => [field, fieldResolver(resolver)]));
  // A field the local AppSync cannot serve yet answers why; the rest of the API serves.
  for (const [field, reason] of Object.entries(declaration.unsupported ?? {})) {
    checkField(field);
    byField.set(field, () => {
      throw new ResolverError(`${field} is not served by the local AppSync: ${reason}.`, UNSUPPORTED_ERROR_TYPE);
    });
  }
  // Every field, resolver or not, first passes the auth directives, as in AppSync.
  const authorization = fieldAuthorization(schema, declaration.authorization);
  const { queryDepthLimit, resolverCountLimit, introspectionConfig } = declaration;
  const limits: RequestLimits = { queryDepthLimit, resolverCountLimit, introspectionConfig };
  // What resolving a field takes, worked out on its first resolution and kept: execution asks for every field
  // of every answer, so this is two lookups rather than names joined and three maps read each time.
  const plans = new Map<string, Map<string, FieldPlan>>();
  const planOf = (typeName: string, fieldName: string): FieldPlan => {
    let ofType = plans.get(typeName);
    if (!ofType) plans.set(typeName, (ofType = new Map()));
    let plan = ofType.get(fieldName);
    if (!plan) {
      const key = `${typeName}.${fieldName}`;
      ofType.set(fieldName, (plan = { key, grants: authorization.grants(typeName, fieldName), resolver: byField.get(key) }));
    }
    return plan;
  };
  return {
    declaration,
    schema,
    bundles,
    resolvers,
    environment: resolveEnvironment(declaration, (table) => table),
    triggers: subscriptionTriggers(schema),
    limits,
    executionTimeoutMs,
    hasResolver: (typeName, fieldName) => byField.has(`${typeName}.${fieldName}`),
    fieldResolver: (source, args, state, info) => {
      const plan = planOf(info.parentType.name, info.fieldName);
      if (!isGrantedToRequest(plan.grants, state)) throw notAuthorized(info.fieldName, info.parentType.name);
      if (state.deniedFields?.has(plan.key)) throw notAuthorized(info.fieldName, info.parentType.name);
      const resolver = plan.resolver;
      if (!resolver) return defaultFieldResolver(source, args, state, info);
      // List items multiply what the document's count could tell: each run counts toward the limit.
      const overLimit = invocationLimitError(limits, state.invocations.length);
      if (overLimit) throw overLimit;
      return resolver(source, args, state, info);
    },
    lambdaFunctions: functionsOfLambda.functions,
    close: functionsOfLambda.close,
  };
}

/** A field's grants and resolver (none: it reads its parent), and its name as the Lambda authorizer denies it. */
type FieldPlan = { key: string; grants: readonly Grant[]; resolver: GraphQLFieldResolver<unknown, RequestState> | undefined };

function dataSourceOf(
  name: string,
  source: ApiDeclaration['dataSources'][string],
  engine: DynamoDbEngine,
  functions: Map<string, LocalLambdaFunction>,
  options: ApiOptions,
): DataSource {
  switch (source.type) {
    case 'NONE':
      return noneDataSource(name);
    case 'AMAZON_DYNAMODB':
      return dynamoDbDataSource(name, source.table, engine);
    case 'AWS_LAMBDA':
      return lambdaDataSource(name, functions.get(source.function)!);
    case 'HTTP':
      return httpDataSource(name, options.httpEndpoints?.[name] ?? source.endpoint, source.authorization);
  }
}
