// The API's authorization modes, from the declaration. Only the modes that need
// nothing outside the API itself can be derived: API_KEY (a key is created) and
// AWS_IAM. Cognito user pools, OIDC and Lambda authorizers need a pool, an
// issuer or a function that api.json has no way to name yet.
import { Duration, Expiration } from 'aws-cdk-lib';
import { AuthorizationType, type AuthorizationConfig, type AuthorizationMode } from 'aws-cdk-lib/aws-appsync';
import type { ApiDeclaration, AuthMode } from '../../local/declaration/declaration.ts';

/** AppSync's longest API key lifetime; every deployment renews it from that day. */
export const API_KEY_LIFETIME = Duration.days(365);

function authorizationMode(mode: AuthMode): AuthorizationMode {
  switch (mode) {
    case 'API_KEY':
      return {
        authorizationType: AuthorizationType.API_KEY,
        apiKeyConfig: { expires: Expiration.after(API_KEY_LIFETIME) },
      };
    case 'AWS_IAM':
      return { authorizationType: AuthorizationType.IAM };
    default:
      throw new Error(
        `authorization mode ${mode} cannot be deployed from the declaration: it needs a user pool, ` +
          'an OIDC issuer or a Lambda authorizer, which api.json cannot declare',
      );
  }
}

export function authorizationConfig(authorization: ApiDeclaration['authorization']): AuthorizationConfig {
  return {
    defaultAuthorization: authorizationMode(authorization.default),
    additionalAuthorizationModes: authorization.additional.map(authorizationMode),
  };
}
