// The client configuration aws-amplify v6 reads (amplify_outputs.json, Gen 2
// shape) for this endpoint. Without `version` Amplify drops the data block.
// An API with user pools also gets the `auth` block of its local pool; the
// outputs schema has no key for a custom Cognito endpoint, so that one travels
// as `custom.user_pool_endpoint` (read by local/user-pool/client.ts). A Gen 2
// backend adds its auth settings and data.model_introspection (local/gen2/backend.ts).
import type { AuthMode } from '../declaration/declaration.ts';
import type { Gen2Backend } from '../gen2/backend.ts';
import { USER_POOL_PATH } from '../user-pool/pool.ts';

/** The region the local endpoint says it is in (and AWS_IAM signatures must be scoped to). */
export const REGION = 'us-east-1';

export type OutputsAuth = {
  authorization?: { default: AuthMode; additional: readonly AuthMode[] };
  userPool?: { userPoolId: string; clientId: string; region: string; groups: readonly string[] };
  /** A Gen 2 backend's: the models `generateClient<Schema>()` builds client.models from, and its auth settings. */
  gen2?: Pick<Gen2Backend, 'modelIntrospection' | 'auth'>;
};

export function amplifyOutputs(origin: string, apiKey: string, { authorization, userPool, gen2 }: OutputsAuth = {}) {
  return {
    version: '1.4',
    ...(userPool && {
      auth: {
        aws_region: userPool.region,
        user_pool_id: userPool.userPoolId,
        user_pool_client_id: userPool.clientId,
        // Cognito groups in the outputs' shape: one object per group, with its precedence.
        groups: userPool.groups.map((group, precedence) => ({ [group]: { precedence } })),
        standard_required_attributes: [],
        user_verification_types: [],
        mfa_configuration: 'NONE',
        mfa_methods: [],
        unauthenticated_identities_enabled: false,
        ...gen2?.auth,
      },
    }),
    data: {
      url: `${origin}/graphql`,
      aws_region: REGION,
      default_authorization_type: authorization?.default ?? 'API_KEY',
      api_key: apiKey,
      authorization_types: [...(authorization?.additional ?? [])],
      ...(gen2?.modelIntrospection !== undefined && { model_introspection: gen2.modelIntrospection }),
    },
    ...(userPool && { custom: { user_pool_endpoint: `${origin}${USER_POOL_PATH}/` } }),
  };
}
