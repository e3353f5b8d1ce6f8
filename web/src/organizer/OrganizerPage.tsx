import { useEffect, useMemo, useState } from 'react';
import { currentSession, signOutOrganizer, type Session } from '../api/auth.ts';
import { Notice } from '../components/Notice.tsx';
import { PresenterPage } from '../presenter/PresenterPage.tsx';
import { Console } from './Console.tsx';
import { EventPage } from './EventPage.tsx';
import { failureHandler, OrganizerSessionContext, type OrganizerSession } from './session.tsx';
import { SignIn } from './SignIn.tsx';
import './organizer.css';

export type OrganizerView = { view: 'console' } | { view: 'event'; eventId: string } | { view: 'present'; eventId: string };

/**
 * `/organizer` and the pages under it: the sign-in first, then the console (the
 * events), one event's editor, or its presenter view.
 */
export function OrganizerPage(props: OrganizerView) {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void currentSession().then(setSession);
  }, []);

  const value = useMemo<OrganizerSession | null>(() => {
    if (!session) return null;
    const signOut = (message: string | null) => {
      void signOutOrganizer().catch(() => undefined);
      setNotice(message);
      setSession(null);
    };
    return {
      session,
      failed: failureHandler(() => signOut('Your organizer session has ended. Sign in again.')),
      signOut: () => signOut(null),
    };
  }, [session]);

  if (session === undefined) return <Notice kind="loading" title="Opening the organizer console…" />;
  if (session === null || !value) return <SignIn notice={notice} onSignedIn={(found) => (setNotice(null), setSession(found))} />;
  if (!session.organizer) {
    return (
      <Notice kind="error" title="This account is not an organizer" detail={`You are signed in as ${session.username}, who is not in the organizers group. Sign in with an organizer account.`}>
        <button type="button" className="button-link" onClick={value.signOut}>
          Sign out
        </button>
      </Notice>
    );
  }
  return (
    <OrganizerSessionContext.Provider value={value}>
      {props.view === 'console' ? <Console /> : props.view === 'event' ? <EventPage eventId={props.eventId} /> : <PresenterPage eventId={props.eventId} />}
    </OrganizerSessionContext.Provider>
  );
}
