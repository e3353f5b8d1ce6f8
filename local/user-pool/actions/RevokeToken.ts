// RevokeToken: aws-amplify's signOut revokes the refresh token (when the access
// token carries origin_jti). The session ends; tokens issued from it are refused
// by the pool's own operations, though AppSync, which checks only the JWT, still
// takes them until they expire — as in the cloud (aws-appsync-community#68).
import { Errors } from '../errors.ts';
import type { UserPool } from '../pool.ts';

type Input = { Token?: unknown; ClientId?: unknown };

export async function RevokeToken(pool: UserPool, input: Input) {
  if (typeof input.Token !== 'string' || !input.Token) throw Errors.missingParameter('Token');
  const clientId = pool.requireClient(input.ClientId);
  const session = pool.sessions.find(input.Token);
  // Cognito answers an unknown or already revoked token with success too.
  if (session && session.clientId === clientId && !session.revoked) pool.sessions.revoke(session);
  return {};
}
