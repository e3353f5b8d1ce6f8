import { useMemo } from 'react';
import { Notice } from './components/Notice.tsx';
import { PollListPage } from './pages/PollListPage.tsx';
import { ResultsPage } from './pages/ResultsPage.tsx';
import { VotePage } from './pages/VotePage.tsx';
import { routeOf } from './routes.ts';

export function App() {
  const route = useMemo(() => routeOf(window.location.pathname), []);
  switch (route.page) {
    case 'polls':
      return <PollListPage />;
    case 'vote':
      return <VotePage pollId={route.pollId} />;
    case 'results':
      return <ResultsPage pollId={route.pollId} />;
    default:
      return (
        <Notice kind="error" title="Page not found" detail="There is nothing at this address.">
          <a className="button-link" href="/">
            See all polls
          </a>
        </Notice>
      );
  }
}
