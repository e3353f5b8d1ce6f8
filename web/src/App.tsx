import { useMemo } from 'react';
import { PhonePage } from './audience/PhonePage.tsx';
import { ScreenPage } from './audience/ScreenPage.tsx';
import { Notice } from './components/Notice.tsx';
import { OrganizerPage } from './organizer/OrganizerPage.tsx';
import { JoinPage } from './pages/JoinPage.tsx';
import { LandingPage } from './pages/LandingPage.tsx';
import { routeOf } from './routes.ts';

export function App() {
  const route = useMemo(() => routeOf(window.location.pathname, window.location.search), []);
  switch (route.page) {
    case 'landing':
      return <LandingPage />;
    case 'join':
      return <JoinPage initialCode={route.code} />;
    case 'vote':
      return <PhonePage code={route.code} />;
    case 'screen':
      return <ScreenPage code={route.code} />;
    case 'organizer':
      return <OrganizerPage view="console" />;
    case 'organizer-event':
      return <OrganizerPage view="event" eventId={route.eventId} />;
    case 'presenter':
      return <OrganizerPage view="present" eventId={route.eventId} />;
    default:
      return (
        <Notice kind="error" title="Page not found" detail="There is nothing at this address. To vote, enter the code shown on the screen.">
          <a className="button-link" href="/join">
            Enter a code
          </a>
        </Notice>
      );
  }
}
