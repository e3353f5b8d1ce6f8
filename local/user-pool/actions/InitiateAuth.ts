// InitiateAuth: USER_PASSWORD_AUTH signs a user in; REFRESH_TOKEN_AUTH (and its
// alias REFRESH_TOKEN) turns a refresh token into new ID and access tokens.
// aws-amplify's signIn sends the first with options.authFlowType 'USER_PASSWORD_AUTH'.
import { Errors } from '../errors.ts';
import type { UserPool } from '../pool.ts';

type Input = { AuthFlow?: unknown; AuthParameters?: Record<string, unknown>; ClientId?: unknown };

const FLOWS = ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN', 'CUSTOM_AUTH', 'ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH', 'ADMIN_USER_PASSWORD_AUTH', 'USER_AUTH'];

export async function InitiateAuth(pool: UserPool, input: Input) {
  if (typeof input.AuthFlow !== 'string') throw Errors.missingParameter('AuthFlow');
  if (!FLOWS.includes(input.AuthFlow)) {
    throw Errors.invalidParameter(
      `1 validation error detected: Value '${input.AuthFlow}' at 'authFlow' failed to satisfy constraint: Member must satisfy enum value set: [${FLOWS.join(', ')}]`,
    );
  }
  const clientId = pool.requireClient(input.ClientId);
  const parameters = input.AuthParameters ?? {};
  switch (input.AuthFlow) {
    case 'USER_PASSWORD_AUTH': {
      const username = parameters.USERNAME;
      const password = parameters.PASSWORD;
      if (typeof username !== 'string' || !username) throw Errors.missingParameter('USERNAME');
      if (typeof password !== 'string' || !password) throw Errors.missingParameter('PASSWORD');
      const user = await pool.users.authenticate(username, password);
      if (!user) throw Errors.incorrectCredentials();
      return { AuthenticationResult: await pool.signIn(user, clientId), ChallengeParameters: {} };
    }
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN': {
      const refreshToken = parameters.REFRESH_TOKEN;
      if (typeof refreshToken !== 'string' || !refreshToken) throw Errors.missingParameter('REFRESH_TOKEN');
      return { AuthenticationResult: await pool.refresh(refreshToken, clientId), ChallengeParameters: {} };
    }
    default:
      throw Errors.unsupportedFlow(input.AuthFlow);
  }
}
