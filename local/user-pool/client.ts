// For clients (browser or Node) of a local AppSync whose API has user pools:
// Amplify.configure(amplifyConfig(outputs)) instead of Amplify.configure(outputs).
// amplify_outputs.json has no key for a custom Cognito endpoint, so the local
// AppSync serves it as `custom.user_pool_endpoint`; this sets it as Amplify's own
// `Auth.Cognito.userPoolEndpoint`, after which signIn, fetchAuthSession and signOut
// talk to the local pool. Outputs without that key (the cloud's) pass unchanged.
// Amplify logs a warning for a custom endpoint; that is expected here.
import type { ResourcesConfig } from 'aws-amplify';
import { parseAmplifyConfig } from 'aws-amplify/utils';

type Outputs = Parameters<typeof parseAmplifyConfig>[0] & { custom?: { user_pool_endpoint?: unknown } };

export function amplifyConfig(outputs: Outputs): ResourcesConfig {
  const config = parseAmplifyConfig(outputs);
  const endpoint = outputs.custom?.user_pool_endpoint;
  const cognito = config.Auth?.Cognito;
  if (typeof endpoint !== 'string' || !cognito) return config;
  return { ...config, Auth: { ...config.Auth, Cognito: { ...cognito, userPoolEndpoint: endpoint } } } as ResourcesConfig;
}
