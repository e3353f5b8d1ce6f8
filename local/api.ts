// An AppSync API made runnable: the schema built, every resolver and function
// bundled and compiled, every data source wired to its engine.
import { readFileSync } from 'node:fs';
import { defaultFieldResolver, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { fieldAuthorization } from './auth/directives.ts';
import { bundleApi, type CodeBundles } from './declaration/bundle.ts';
import { DeclarationError, resolveEnvironment, type ApiDeclaration } from './declaration/declaration.ts';
import type { DataSource } from './data-sources/data-source.ts';
import { dynamoDbDataSource } from './data-sources/dynamodb/index.ts';
import { noneDataSource } from './data-sources/none.ts';
import { invocationLimitError, type RequestLimits } from './graphql/limits.ts';
import { buildAppSyncSchema, subscriptionTriggers } from './graphql/schema.ts';
import type { CompiledFunction, CompiledResolver } from './resolvers/compiled.ts';
import { fieldResolver } from './resolvers/field.ts';
import type { RequestState } from './resolvers/request-state.ts';
import { createRealm, loadCode } from './runtime/sandbox.ts';
import { assertValidCode } from './runtime/validation/bundles.ts';
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
  /** True for a field with a declared resolver (they count toward the resolver limit). */
  hasResolver(typeName: string, fieldName: string): boolean;
  /** Runs declared resolvers; every other field reads its parent, as in AppSync. */
  fieldResolver: GraphQLFieldResolver<unknown, RequestState>;
};

export function createApi(declaration: ApiDeclaration, engine: DynamoDbEngine): LocalApi {
  let schema: GraphQLSchema;
  try {
    schema = buildAppSyncSchema(readFileSync(declaration.schema, 'utf8'));
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

  const dataSources = new Map<string, DataSource>();
  for (const [name, source] of Object.entries(declaration.dataSources)) {
    dataSources.set(name, source.type === 'NONE' ? noneDataSource(name) : dynamoDbDataSource(name, source.table, engine));
  }
  const functions = new Map<string, CompiledFunction>();
  for (const [name, fn] of Object.entries(declaration.functions)) {
    functions.set(name, { name, module: modules.get(fn.code)!, dataSource: dataSources.get(fn.dataSource)! });
  }

  const resolvers = new Map<string, CompiledResolver>();
  for (const [field, resolver] of Object.entries(declaration.resolvers)) {
    const [typeName, fieldName] = field.split('.') as [string, string];
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType) || !type.getFields()[fieldName]) {
      throw new DeclarationError(`${declaration.file}: resolvers.${field}: No field named ${fieldName} found on type ${typeName}`);
    }
    const module = modules.get(resolver.code)!;
    resolvers.set(
      field,
      'pipeline' in resolver
        ? { kind: 'PIPELINE', field, module, functions: resolver.pipeline.map((name) => functions.get(name)!) }
        : { kind: 'UNIT', field, module, dataSource: dataSources.get(resolver.dataSource)! },
    );
  }

  const byField = new Map([...resolvers].map(([field, resolver]) => [field, fieldResolver(resolver)]));
  // Every field, resolver or not, first passes the auth directives, as in AppSync.
  const authorization = fieldAuthorization(schema, declaration.authorization);
  const { queryDepthLimit, resolverCountLimit, introspectionConfig } = declaration;
  const limits: RequestLimits = { queryDepthLimit, resolverCountLimit, introspectionConfig };
  return {
    declaration,
    schema,
    bundles,
    resolvers,
    environment: resolveEnvironment(declaration, (table) => table),
    triggers: subscriptionTriggers(schema),
    limits,
    hasResolver: (typeName, fieldName) => byField.has(`${typeName}.${fieldName}`),
    fieldResolver: (source, args, state, info) => {
      authorization.checkRequest(info.parentType.name, info.fieldName, state);
      const resolver = byField.get(`${info.parentType.name}.${info.fieldName}`);
      if (!resolver) return defaultFieldResolver(source, args, state, info);
      // List items multiply what the document's count could tell: each run counts toward the limit.
      const overLimit = invocationLimitError(limits, state.invocations.length);
      if (overLimit) throw overLimit;
      return resolver(source, args, state, info);
    },
  };
}
