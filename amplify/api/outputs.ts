// The `data` block of amplify_outputs.json (client config schema 1.x): what the
// web app's Amplify.configure() reads to reach the deployed API.
import { Stack } from 'aws-cdk-lib';
import type { GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import type { ApiDeclaration } from '../../local/declaration/declaration.ts';

export function dataOutputs(api: GraphqlApi, declaration: ApiDeclaration) {
  const { default: defaultMode, additional } = declaration.authorization;
  const usesApiKey = defaultMode === 'API_KEY' || additional.includes('API_KEY');
  return {
    url: api.graphqlUrl,
    aws_region: Stack.of(api).region,
    ...(usesApiKey ? { api_key: api.apiKey } : {}),
    default_authorization_type: defaultMode,
    authorization_types: additional,
  };
}
