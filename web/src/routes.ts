// Path-based pages without a router: the server answers index.html for any
// unknown path, and every link is a plain page load.
export type Route =
  | { page: 'polls' }
  | { page: 'vote'; pollId: string }
  | { page: 'results'; pollId: string }
  | { page: 'not-found' };

export function routeOf(pathname: string): Route {
  const parts = pathname.split('/').filter((part) => part.length > 0);
  if (parts.length === 0) return { page: 'polls' };
  if (parts[0] === 'poll' && parts[1] !== undefined) {
    let pollId: string;
    try {
      pollId = decodeURIComponent(parts[1]);
    } catch {
      return { page: 'not-found' };
    }
    if (parts.length === 2) return { page: 'vote', pollId };
    if (parts.length === 3 && parts[2] === 'results') return { page: 'results', pollId };
  }
  return { page: 'not-found' };
}

export const votePath = (pollId: string) => `/poll/${encodeURIComponent(pollId)}`;
export const resultsPath = (pollId: string) => `/poll/${encodeURIComponent(pollId)}/results`;
