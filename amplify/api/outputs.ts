// The blocks of amplify_outputs.json (client config schema 1.x) that the web
// app's Amplify.configure() reads: `data` to reach the deployed API and, when the
// API uses AMAZON_COGNITO_USER_POOLS, `auth` to sign in to its user pool.
import { Stack } from 'aws-cdk-lib';
import type { ApiDeclaration } from '../../local/declaration/declaration.ts';
import { usesMode } from './authorization.ts';
import type { DeployedApi } from './define-api.ts';

export function dataOutputs({ api }: DeployedApi, declaration: ApiDeclaration) {
  const { authorization } = declaration;
  return {
    url: api.graphqlUrl,
    aws_region: Stack.of(api).region,
    ...(usesMode(authorization, 'API_KEY') ? { api_key: api.apiKey } : {}),
    default_authorization_type: authorization.default,
    authorization_types: authorization.additional,
  };
}

export function authOutputs({ userPool }: DeployedApi) {
  if (!userPool) return undefined;
  return {
    aws_region: Stack.of(userPool.pool).region,
    user_pool_id: userPool.pool.userPoolId,
    user_pool_client_id: userPool.client.userPoolClientId,
    username_attributes: ['username' as const],
    user_verification_types: [],
    mfa_configuration: 'NONE' as const,
    groups: userPool.groups.map((name, precedence) => ({ [name]: { precedence } })),
  };
}
