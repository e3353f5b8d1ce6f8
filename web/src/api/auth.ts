// Organizers sign in to the user pool (Cognito in the cloud, the local AppSync's
// own pool locally) and belong to the `organizers` group; everyone else uses the
// API key and never signs in. Amplify keeps the session in localStorage, so a
// big screen opened in the organizer's browser knows it too.
import { confirmSignIn, fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';

export const ORGANIZERS = 'organizers';

export interface Session {
  username: string;
  organizer: boolean;
}

/** The signed-in user, or null. Never throws: a page without a session just goes on as a voter. */
export async function currentSession(): Promise<Session | null> {
  try {
    const { tokens } = await fetchAuthSession();
    if (!tokens?.accessToken) return null;
    const payload = tokens.accessToken.payload;
    const groups = payload['cognito:groups'];
    const username = String(payload.username ?? tokens.idToken?.payload['cognito:username'] ?? payload.sub ?? '');
    return { username, organizer: Array.isArray(groups) && groups.includes(ORGANIZERS) };
  } catch {
    return null;
  }
}

export type SignInOutcome = { done: true } | { done: false; step: 'NEW_PASSWORD' } | { done: false; step: 'UNSUPPORTED'; name: string };

/** Username and password (USER_PASSWORD_AUTH, which the local pool and an Amplify Gen 2 pool both take). */
export async function signInOrganizer(username: string, password: string): Promise<SignInOutcome> {
  // A session left over (another user, an expired one) would make Amplify refuse with UserAlreadyAuthenticatedException.
  await signOut().catch(() => undefined);
  const { isSignedIn, nextStep } = await signIn({ username, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  return outcome(isSignedIn, nextStep.signInStep);
}

/** The second step of a first sign-in for an account an administrator created: its own password. */
export async function setNewPassword(password: string): Promise<SignInOutcome> {
  const { isSignedIn, nextStep } = await confirmSignIn({ challengeResponse: password });
  return outcome(isSignedIn, nextStep.signInStep);
}

function outcome(isSignedIn: boolean, step: string): SignInOutcome {
  if (isSignedIn || step === 'DONE') return { done: true };
  if (step === 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED') return { done: false, step: 'NEW_PASSWORD' };
  return { done: false, step: 'UNSUPPORTED', name: step };
}

export async function signOutOrganizer(): Promise<void> {
  await signOut();
}

/** A sign-in failure in words. Amplify's auth errors carry Cognito's exception name. */
export function describeSignInError(error: unknown): string {
  const name = (error as { name?: string } | null)?.name ?? '';
  const message = (error as { message?: string } | null)?.message ?? '';
  switch (name) {
    case 'NotAuthorizedException':
    case 'UserNotFoundException':
      return /disabled/i.test(message) ? 'This account is disabled.' : 'Wrong username or password.';
    case 'EmptySignInUsername':
      return 'Enter your username.';
    case 'EmptySignInPassword':
      return 'Enter your password.';
    case 'PasswordResetRequiredException':
      return 'This account must reset its password first. Ask the administrator of the user pool.';
    case 'UserNotConfirmedException':
      return 'This account is not confirmed yet. Ask the administrator of the user pool.';
    case 'InvalidPasswordException':
      return message ? `That password is not allowed: ${message}` : 'That password is not allowed.';
    case 'TooManyRequestsException':
    case 'LimitExceededException':
      return 'Too many attempts. Wait a minute and try again.';
    case 'NetworkError':
      return 'The sign-in service cannot be reached. Check your connection and try again.';
    case 'AuthUserPoolException':
    case 'InvalidUserPoolConfigurationException':
      return 'Sign-in is not set up for this deployment (its settings name no user pool).';
    default:
      return message ? `Sign-in failed: ${message}` : 'Sign-in failed. Try again.';
  }
}
