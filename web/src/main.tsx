import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { configureApi } from './api/client.ts';
import { App } from './App.tsx';
import { Notice } from './components/Notice.tsx';
import './styles.css';

type Boot = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; message: string };

/** Configures Amplify from /amplify_outputs.json, then shows the page. */
function Root() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  useEffect(() => {
    configureApi().then(
      () => setBoot({ state: 'ready' }),
      (error: unknown) =>
        setBoot({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  }, []);
  if (boot.state === 'loading') return <Notice kind="loading" title="Loading HandsUp…" />;
  if (boot.state === 'failed') {
    return (
      <Notice kind="error" title="HandsUp cannot start" detail={boot.message}>
        <button type="button" className="button-link" onClick={() => window.location.reload()}>
          Try again
        </button>
      </Notice>
    );
  }
  return <App />;
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
