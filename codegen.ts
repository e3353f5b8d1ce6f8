// Types from schema/: operation types for web/ and argument/result types for
// resolvers/. AppSync's built-in scalars and directives come from the same
// file the local AppSync adds to the schema. Run `npm run codegen` after a schema change.
import type { CodegenConfig } from '@graphql-codegen/cli';

const scalars = {
  AWSDate: 'string',
  AWSTime: 'string',
  AWSDateTime: 'string',
  AWSTimestamp: 'number',
  AWSEmail: 'string',
  AWSJSON: 'string',
  AWSURL: 'string',
  AWSPhone: 'string',
  AWSIPAddress: 'string',
};

const config: CodegenConfig = {
  schema: ['local/graphql/appsync.graphql', 'schema/schema.graphql'],
  generates: {
    'resolvers/generated/schema.ts': {
      plugins: ['typescript'],
      config: { scalars, avoidOptionals: { field: true }, enumsAsTypes: true, skipTypename: true },
    },
    'web/src/graphql/generated.ts': {
      documents: ['web/src/graphql/operations.graphql'],
      // typescript-operations 6 writes the input and enum types it needs itself.
      plugins: ['typescript-operations'],
      config: { scalars, enumsAsTypes: true, skipTypename: true },
    },
  },
};

export default config;
