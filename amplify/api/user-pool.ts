// The Cognito user pool behind AMAZON_COGNITO_USER_POOLS, as the local AppSync's
// pool behaves: users sign in with a username (case-insensitive) and a password
// (USER_PASSWORD_AUTH, or SRP), through one app client without a secret; the
// declared groups exist. Users are created by an administrator, as the local
// pool's users are declared by whoever starts it: there is no self sign-up.
import { type RemovalPolicy } from 'aws-cdk-lib';
import { AccountRecovery, CfnUserPoolGroup, UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { AuthorizationDeclaration } from '../../local/declaration/declaration.ts';

export type DeployedUserPool = { pool: UserPool; client: UserPoolClient; groups: string[] };

export function defineUserPool(
  scope: Construct,
  declared: AuthorizationDeclaration['userPool'],
  removalPolicy: RemovalPolicy,
): DeployedUserPool {
  const groups = declared?.groups ?? [];
  const pool = new UserPool(scope, 'UserPool', {
    selfSignUpEnabled: false,
    signInAliases: { username: true },
    signInCaseSensitive: false,
    accountRecovery: AccountRecovery.NONE,
    removalPolicy,
  });
  const client = pool.addClient('WebClient', {
    authFlows: { userPassword: true, userSrp: true },
    generateSecret: false,
    disableOAuth: true,
    preventUserExistenceErrors: true,
  });
  const groupScope = new Construct(scope, 'UserPoolGroups');
  groups.forEach((groupName, precedence) => {
    new CfnUserPoolGroup(groupScope, groupName, { userPoolId: pool.userPoolId, groupName, precedence });
  });
  return { pool, client, groups };
}
