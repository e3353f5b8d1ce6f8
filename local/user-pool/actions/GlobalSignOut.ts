// GlobalSignOut: signOut({ global: true }) ends every session of the user.
import { Errors } from '../errors.ts';
import type { UserPool } from '../pool.ts';

type Input = { AccessToken?: unknown };

export async function GlobalSignOut(pool: UserPool, input: Input) {
  if (typeof input.AccessToken !== 'string' || !input.AccessToken) throw Errors.missingParameter('AccessToken');
  const user = await pool.userOfAccessToken(input.AccessToken);
  pool.sessions.revokeAllOf(user.sub);
  pool.users.signOut(user, Date.now());
  return {};
}
