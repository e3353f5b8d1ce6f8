import { useEffect } from 'react';

/**
 * Keeps the screen awake while the page is shown (the Screen Wake Lock API), so
 * the projector's laptop does not dim or lock in the middle of a talk. The
 * browser drops the lock whenever the page is hidden (another tab, a minimised
 * window): it is asked for again each time the page is visible again, and
 * released when the page is left. Where the API is missing or refuses (an
 * insecure origin, battery saver), nothing is said: the screen works as before.
 * No library: the standard API is a few lines, and a polyfill (a hidden looping
 * video) would cost more than it saves.
 */
export function useWakeLock(enabled = true) {
  useEffect(() => {
    if (!enabled || !('wakeLock' in navigator) || !navigator.wakeLock) return;
    const wakeLock = navigator.wakeLock;
    let sentinel: WakeLockSentinel | null = null;
    let left = false;

    const acquire = () => {
      if (left || document.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
      wakeLock.request('screen').then(
        (granted) => {
          if (left) void granted.release();
          else sentinel = granted;
        },
        () => undefined,
      );
    };

    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      left = true;
      document.removeEventListener('visibilitychange', acquire);
      if (sentinel && !sentinel.released) void sentinel.release().catch(() => undefined);
    };
  }, [enabled]);
}
