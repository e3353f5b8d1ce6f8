import { useEffect, useState } from 'react';

/**
 * Puts the whole page in full screen and back (the Fullscreen API). Leaving full
 * screen any other way (Esc, F11, the browser's own control) is followed through
 * `fullscreenchange`, so the label always says what a click will do. Where full
 * screen is unavailable (iPhone Safari, an iframe without permission) there is
 * no button. No library: browsers that still need prefixes cannot project this
 * page anyway, so the standard API is all there is to call.
 */
export function FullscreenButton() {
  const supported = typeof document.documentElement.requestFullscreen === 'function' && document.fullscreenEnabled;
  const [full, setFull] = useState(() => document.fullscreenElement !== null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const follow = () => setFull(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', follow);
    return () => document.removeEventListener('fullscreenchange', follow);
  }, []);

  if (!supported) return null;
  const toggle = () => {
    setProblem(null);
    const change = document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen({ navigationUI: 'hide' });
    change.catch(() => setProblem('The browser refused full screen: use its own full-screen control (F11).'));
  };
  return (
    <>
      <button type="button" className="screen-button" onClick={toggle} data-testid="fullscreen">
        {full ? 'Exit full screen' : 'Full screen'}
      </button>
      {problem ? (
        <span className="screen-button__problem" role="alert">
          {problem}
        </span>
      ) : null}
    </>
  );
}
