// The signed-in organizer, shared by the console, the event editor and the
// presenter view: every call goes with the user pool's token, and a call that
// finds the session ended sends the organizer back to the sign-in form.
import { createContext, useContext } from 'react';
import type { Session } from '../api/auth.ts';
import { apiFailure, describeApiError } from '../api/errors.ts';

/** Every organizer call goes with the user pool's token. */
export const AS_ORGANIZER = { authMode: 'userPool' } as const;

/** Errors that mean "sign in again", not "this action failed". */
const SESSION_ENDED = new Set(['NoValidAuthTokens', 'UserUnAuthenticatedException', 'NotAuthorizedException', 'UnauthorizedException']);

export interface OrganizerSession {
  session: Session;
  /** A failed call in words; a session that ended also signs the organizer out. */
  failed(error: unknown): string;
  signOut(): void;
}

export const OrganizerSessionContext = createContext<OrganizerSession | null>(null);

export function useOrganizer(): OrganizerSession {
  const found = useContext(OrganizerSessionContext);
  if (!found) throw new Error('useOrganizer outside the organizer pages');
  return found;
}

/** The `failed` of a session: `onEnded` runs when the error says the session is over. */
export function failureHandler(onEnded: () => void) {
  return (error: unknown): string => {
    if (SESSION_ENDED.has(apiFailure(error).type)) onEnded();
    return describeApiError(error, 'organizer');
  };
}
