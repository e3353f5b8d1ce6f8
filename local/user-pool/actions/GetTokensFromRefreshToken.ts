// GetTokensFromRefreshToken: what aws-amplify's fetchAuthSession calls when the
// tokens it holds have expired. Without refresh token rotation (Cognito's
// default) the answer has no new RefreshToken and the client keeps its own.
import { Errors } from '../errors.ts';
import type { UserPool } from '../pool.ts';

type Input = { RefreshToken?: unknown; ClientId?: unknown };

export async function GetTokensFromRefreshToken(pool: UserPool, input: Input) {
  const clientId = pool.requireClient(input.ClientId);
  if (typeof input.RefreshToken !== 'string' || !input.RefreshToken) throw Errors.missingParameter('RefreshToken');
  return { AuthenticationResult: await pool.refresh(input.RefreshToken, clientId) };
}
