// Path-based pages without a router: the server answers index.html for any
// unknown path, and every link is a plain page load.
//
// Pages are addressed by the poll's short code, not its id: the code is what the
// big screen shows and people type, so `/p/K7QX2M` is the link, the QR code and
// what an organizer types on the projector's laptop (`/p/K7QX2M/screen`), and a
// six-letter code keeps the QR code coarse enough to scan from the back of a hall.
export type Route =
  | { page: 'landing' }
  | { page: 'join'; code: string }
  | { page: 'vote'; code: string }
  | { page: 'screen'; code: string }
  | { page: 'organizer' }
  | { page: 'organizer-event'; eventId: string }
  | { page: 'presenter'; eventId: string }
  | { page: 'not-found' };

/** Codes are shown in capitals; people type them any way, with spaces or dashes (as the server reads them). */
export function normalizeCode(code: string): string {
  return code.replace(/[\s-]+/g, '').toUpperCase();
}

/** A code worth asking the server about: letters and digits only. */
export function looksLikeCode(code: string): boolean {
  return /^[A-Z0-9]{4,12}$/.test(normalizeCode(code));
}

export function routeOf(pathname: string, search = ''): Route {
  const parts = pathname.split('/').filter((part) => part.length > 0);
  if (parts.length === 0) return { page: 'landing' };
  let decoded: string[];
  try {
    decoded = parts.map((part) => decodeURIComponent(part));
  } catch {
    return { page: 'not-found' };
  }
  const [first, code, rest, ...more] = decoded;
  if (first === 'join' && code === undefined) return { page: 'join', code: new URLSearchParams(search).get('code') ?? '' };
  if (first === 'organizer' && code === undefined) return { page: 'organizer' };
  // The organizer's pages of one event (organizer/paths.ts writes them): /organizer/events/<id>[/present].
  if (first === 'organizer' && code === 'events' && rest !== undefined) {
    if (more.length === 0) return { page: 'organizer-event', eventId: rest };
    if (more.length === 1 && more[0] === 'present') return { page: 'presenter', eventId: rest };
  }
  if (first === 'p' && code !== undefined && more.length === 0) {
    if (rest === undefined) return { page: 'vote', code: normalizeCode(code) };
    if (rest === 'screen') return { page: 'screen', code: normalizeCode(code) };
  }
  return { page: 'not-found' };
}

export const votePath = (code: string) => `/p/${encodeURIComponent(normalizeCode(code))}`;
export const screenPath = (code: string) => `${votePath(code)}/screen`;

/** The voter link for this code on the host the browser used (what the QR code holds). */
export const voteUrl = (code: string, origin: string = window.location.origin) => `${origin}${votePath(code)}`;
