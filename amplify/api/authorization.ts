// The API's authorization modes, from the declaration: API_KEY (a key is
// created), AWS_IAM, AMAZON_COGNITO_USER_POOLS (with the pool the declaration
// describes), OPENID_CONNECT (the declared provider) and AWS_LAMBDA (the declared
// authorizer function). AWS_IAM's local users are not deployed: in the cloud, IAM
// principals get access through their own policies (appsync:GraphQL on the API).
import { Duration, Expiration } from 'aws-cdk-lib';
import {
  AuthorizationType,
  UserPoolDefaultAction,
  type AuthorizationConfig,
  type AuthorizationMode,
} from 'aws-cdk-lib/aws-appsync';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { AuthMode, AuthorizationDeclaration } from '../../local/declaration/declaration.ts';

/** AppSync's longest API key lifetime. */
export const API_KEY_LIFETIME = Duration.days(365);

/**
 * The key lasts the longest AppSync allows, counted from the start of today (UTC):
 * every synthesis of one day yields the same template, so a sandbox's resolver
 * edits stay hotswaps, and the first deployment of each day renews the key.
 */
export function apiKeyExpiry(now = new Date()): Expiration {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Expiration.atTimestamp(today + API_KEY_LIFETIME.toMilliseconds());
}

export const usesMode = (authorization: AuthorizationDeclaration, mode: AuthMode) =>
  authorization.default === mode || authorization.additional.includes(mode);

function authorizationMode(mode: AuthMode, userPool: IUserPool | undefined, authorization?: AuthorizationDeclaration, lambda?: LambdaAuthorization): AuthorizationMode {
  switch (mode) {
    case 'API_KEY':
      return {
        authorizationType: AuthorizationType.API_KEY,
        apiKeyConfig: { expires: apiKeyExpiry() },
      };
    case 'AWS_IAM':
      return { authorizationType: AuthorizationType.IAM };
    case 'AMAZON_COGNITO_USER_POOLS':
      if (!userPool) throw new Error('AMAZON_COGNITO_USER_POOLS needs the user pool');
      // Only the default mode has a default action: an additional mode's CloudFormation type has none and drops it.
      return { authorizationType: AuthorizationType.USER_POOL, userPoolConfig: { userPool, defaultAction: UserPoolDefaultAction.ALLOW } };
    case 'OPENID_CONNECT': {
      const oidc = authorization?.openIdConnect;
      if (!oidc) throw new Error('OPENID_CONNECT needs the declaration\'s openIdConnect');
      return {
        authorizationType: AuthorizationType.OIDC,
        openIdConnectConfig: { oidcProvider: oidc.issuer, clientId: oidc.clientId, tokenExpiryFromIssue: oidc.iatTTL, tokenExpiryFromAuth: oidc.authTTL },
      };
    }
    case 'AWS_LAMBDA':
      if (!lambda) throw new Error('AWS_LAMBDA needs the authorizer function');
      return {
        authorizationType: AuthorizationType.LAMBDA,
        lambdaAuthorizerConfig: {
          handler: lambda.handler,
          resultsCacheTtl: Duration.seconds(lambda.config.resultsCacheTtl),
          ...(lambda.config.identityValidationExpression && { validationRegex: lambda.config.identityValidationExpression }),
        },
      };
    default:
      throw new Error(`authorization mode ${mode} cannot be deployed from the declaration`);
  }
}

/** The Lambda authorizer: its deployed function and its declared settings. */
type LambdaAuthorization = { handler: IFunction; config: NonNullable<AuthorizationDeclaration['lambdaAuthorizer']> };

export function authorizationConfig(authorization: AuthorizationDeclaration, userPool?: IUserPool, lambdaHandler?: IFunction): AuthorizationConfig {
  const lambda = lambdaHandler && authorization.lambdaAuthorizer ? { handler: lambdaHandler, config: authorization.lambdaAuthorizer } : undefined;
  return {
    defaultAuthorization: authorizationMode(authorization.default, userPool, authorization, lambda),
    additionalAuthorizationModes: authorization.additional.map((mode) => authorizationMode(mode, userPool, authorization, lambda)),
  };
}
