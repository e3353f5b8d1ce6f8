// The whole API, built from its declaration: tables, data sources, functions and
// resolvers. Nothing here names anything HandsUp-specific, so a resolver added
// to api.json is deployed with no change to amplify/.
import { RemovalPolicy, type Stack } from 'aws-cdk-lib';
import {
  AppsyncFunction,
  Code,
  Definition,
  FunctionRuntime,
  MappingTemplate,
  GraphqlApi,
  IntrospectionConfig,
  Resolver,
  type BaseDataSource,
} from 'aws-cdk-lib/aws-appsync';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { bundleApi } from '../../local/declaration/bundle.ts';
import { resolveEnvironment, type ApiDeclaration } from '../../local/declaration/declaration.ts';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { checkCode, checkName } from './appsync-limits.ts';
import { authorizationConfig, usesMode } from './authorization.ts';
import { defineLambdaFunctions } from './lambda-functions.ts';
import { defineTable } from './tables.ts';
import { defineUserPool, type DeployedUserPool } from './user-pool.ts';

export type DefineApiOptions = {
  /** What happens to the data (tables, user pool) when the stack is deleted (default: RETAIN). */
  removalPolicy?: RemovalPolicy;
};

export type DeployedApi = {
  api: GraphqlApi;
  /** The pool behind AMAZON_COGNITO_USER_POOLS, when the declaration uses that mode. */
  userPool?: DeployedUserPool;
  tables: Record<string, Table>;
  lambdaFunctions: Record<string, LambdaFunction>;
  dataSources: Record<string, BaseDataSource>;
  functions: Record<string, AppsyncFunction>;
  resolvers: Record<string, Resolver>;
};

export function defineApi(scope: Stack, declaration: ApiDeclaration, options: DefineApiOptions = {}): DeployedApi {
  const bundles = bundleApi(declaration);
  const runtime = FunctionRuntime.JS_1_0_0;
  const removalPolicy = options.removalPolicy ?? RemovalPolicy.RETAIN;

  const userPool = usesMode(declaration.authorization, 'AMAZON_COGNITO_USER_POOLS')
    ? defineUserPool(scope, declaration.authorization.userPool, removalPolicy)
    : undefined;

  const lambdaFunctions = defineLambdaFunctions(scope, declaration);
  const authorizer = declaration.authorization.lambdaAuthorizer;

  const api = new GraphqlApi(scope, 'GraphqlApi', {
    name: declaration.name,
    definition: Definition.fromFile(declaration.schema),
    authorizationConfig: authorizationConfig(declaration.authorization, userPool?.pool, authorizer && lambdaFunctions[authorizer.function]),
    // The request limits the local AppSync enforces; 0 is AppSync's own default (no depth limit, 10,000 resolvers).
    ...(declaration.queryDepthLimit > 0 && { queryDepthLimit: declaration.queryDepthLimit }),
    ...(declaration.resolverCountLimit > 0 && { resolverCountLimit: declaration.resolverCountLimit }),
    introspectionConfig: IntrospectionConfig[declaration.introspectionConfig],
  });

  const tableScope = new Construct(scope, 'Tables');
  const tables: Record<string, Table> = {};
  for (const [name, table] of Object.entries(declaration.tables)) {
    tables[name] = defineTable(tableScope, name, table, removalPolicy);
  }

  // ctx.env: a `{ tableName }` value becomes the name CloudFormation gives that table.
  for (const [name, value] of Object.entries(resolveEnvironment(declaration, (table) => tables[table]!.tableName))) {
    api.addEnvironmentVariable(name, value);
  }

  const dataSources: Record<string, BaseDataSource> = {};
  for (const [name, source] of Object.entries(declaration.dataSources)) {
    checkName('data source', name);
    switch (source.type) {
      case 'AMAZON_DYNAMODB':
        dataSources[name] = api.addDynamoDbDataSource(name, tables[source.table]!);
        break;
      case 'NONE':
        dataSources[name] = api.addNoneDataSource(name);
        break;
      case 'AWS_LAMBDA':
        dataSources[name] = api.addLambdaDataSource(name, lambdaFunctions[source.function]!);
        break;
      case 'HTTP':
        dataSources[name] = api.addHttpDataSource(name, source.endpoint, {
          ...(source.authorization && {
            authorizationConfig: { signingRegion: source.authorization.signingRegion, signingServiceName: source.authorization.signingServiceName },
          }),
        });
        break;
    }
  }

  const functionScope = new Construct(scope, 'Functions');
  const functions: Record<string, AppsyncFunction> = {};
  for (const [name, fn] of Object.entries(declaration.functions)) {
    functions[name] = new AppsyncFunction(functionScope, name, {
      api,
      name: checkName('function', name),
      dataSource: dataSources[fn.dataSource]!,
      // No code: a direct Lambda function (no runtime, no templates).
      ...(fn.code ? { runtime, code: Code.fromInline(checkCode(`functions.${name}`, bundles.functions[name]!)) } : {}),
      ...templatesOf(fn),
      ...(fn.maxBatchSize !== undefined && { maxBatchSize: fn.maxBatchSize }),
    });
  }

  const resolverScope = new Construct(scope, 'Resolvers');
  const resolvers: Record<string, Resolver> = {};
  for (const [field, resolver] of Object.entries(declaration.resolvers)) {
    const [typeName, fieldName] = field.split('.') as [string, string];
    resolvers[field] = new Resolver(resolverScope, field, {
      api,
      typeName,
      fieldName,
      // No code: a direct Lambda resolver (no runtime, no templates).
      ...(resolver.code ? { runtime, code: Code.fromInline(checkCode(`resolvers.${field}`, bundles.resolvers[field]!)) } : {}),
      ...templatesOf(resolver),
      ...('pipeline' in resolver
        ? { pipelineConfig: resolver.pipeline.map((name) => functions[name]!) }
        : { dataSource: dataSources[resolver.dataSource]!, ...(resolver.maxBatchSize !== undefined && { maxBatchSize: resolver.maxBatchSize }) }),
    });
  }

  return { api, userPool, tables, lambdaFunctions, dataSources, functions, resolvers };
}

/** A VTL resolver or function: its mapping template files, deployed as they are. */
function templatesOf(step: { requestTemplate?: string; responseTemplate?: string }) {
  return {
    ...(step.requestTemplate && { requestMappingTemplate: MappingTemplate.fromFile(step.requestTemplate) }),
    ...(step.responseTemplate && { responseMappingTemplate: MappingTemplate.fromFile(step.responseTemplate) }),
  };
}
