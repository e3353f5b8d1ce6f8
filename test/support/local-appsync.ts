// Starts HandsUp's API on the local AppSync for one test file: a free port and
// an in-memory store, so files run side by side without sharing data.
import { startLocalAppSync, type LocalAppSync, type LocalAppSyncOptions } from '../../local/server.ts';

export async function startHandsUp(options: Partial<LocalAppSyncOptions> = {}): Promise<LocalAppSync> {
  return startLocalAppSync({ declaration: 'api.json', port: 0, host: '127.0.0.1', dataDir: null, ...options });
}

/** A GraphQL request with plain fetch, for setting up data and for what the Amplify client hides. */
export async function graphql<T = any>(server: LocalAppSync, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data: T; errors?: any[] } };
}

export async function createPoll(server: LocalAppSync, title = 'Best talk', options = ['Alpha', 'Beta', 'Gamma']) {
  const { body } = await graphql<{ createPoll: { id: string; options: { id: string; label: string }[] } }>(
    server,
    'mutation ($input: CreatePollInput!) { createPoll(input: $input) { id options { id label } } }',
    { input: { title, options } },
  );
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data.createPoll;
}
