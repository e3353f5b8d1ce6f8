// GetUser: aws-amplify's fetchUserAttributes. The local pool keeps no attributes
// beyond the user's sub.
import { Errors } from '../errors.ts';
import type { UserPool } from '../pool.ts';

type Input = { AccessToken?: unknown };

export async function GetUser(pool: UserPool, input: Input) {
  if (typeof input.AccessToken !== 'string' || !input.AccessToken) throw Errors.missingParameter('AccessToken');
  const user = await pool.userOfAccessToken(input.AccessToken);
  return { Username: user.username, UserAttributes: [{ Name: 'sub', Value: user.sub }] };
}
