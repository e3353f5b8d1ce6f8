// The Cognito Identity Provider operations the local pool serves, by their
// `X-Amz-Target` name (AWSCognitoIdentityProviderService.<name>): the ones
// aws-amplify v6's signIn (USER_PASSWORD_AUTH), fetchAuthSession (refresh),
// fetchUserAttributes and signOut call. getCurrentUser reads the tokens it holds
// and calls nothing.
import type { UserPool } from '../pool.ts';
import { GetTokensFromRefreshToken } from './GetTokensFromRefreshToken.ts';
import { GetUser } from './GetUser.ts';
import { GlobalSignOut } from './GlobalSignOut.ts';
import { InitiateAuth } from './InitiateAuth.ts';
import { RevokeToken } from './RevokeToken.ts';

export type Action = (pool: UserPool, input: any) => Promise<unknown>;

export const actions: Record<string, Action> = {
  InitiateAuth,
  GetTokensFromRefreshToken,
  RevokeToken,
  GlobalSignOut,
  GetUser,
};
