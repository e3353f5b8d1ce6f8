// Starts HandsUp's API on the local AppSync for one test file: a free port, an
// in-memory store and one organizer in the local user pool, so files run side
// by side without sharing data.
import { startLocalAppSync, type LocalAppSync, type LocalAppSyncOptions } from '../../local/server.ts';
import { signInWithPassword } from '../../local/user-pool/sign-in.ts';
import { handsUpSource } from './handsup-source.ts';

export const ORGANIZER = { username: 'organizer', password: 'Organizer-Passw0rd', groups: ['organizers'] };

/** HandsUp's API from api.json, or from the cloud assembly amplify/ synthesises (HANDSUP_API_SOURCE=amplify: see handsup-source.ts). */
export async function startHandsUp(options: Partial<LocalAppSyncOptions> = {}): Promise<LocalAppSync> {
  return startLocalAppSync({ declaration: await handsUpSource(), port: 0, host: '127.0.0.1', dataDir: null, users: [ORGANIZER], ...options });
}

export type GraphQLAnswer<T> = { status: number; headers: Headers; body: { data: T; errors?: any[] } };

/** A GraphQL request with plain fetch (the API key unless headers say otherwise). */
export async function graphql<T = any>(
  server: LocalAppSync,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = { 'x-api-key': server.apiKey },
): Promise<GraphQLAnswer<T>> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data: T; errors?: any[] } };
}

const tokens = new WeakMap<LocalAppSync, Promise<string>>();

/** The organizer's ID token, signed in once per server through the local user pool. */
export function organizerToken(server: LocalAppSync, user = ORGANIZER): Promise<string> {
  let token = tokens.get(server);
  if (!token) {
    const pool = server.userPool!;
    token = signInWithPassword({ endpoint: pool.endpoint, clientId: pool.clientId, username: user.username, password: user.password }).then((t) => t.idToken);
    tokens.set(server, token);
  }
  return token;
}

/** A request as the signed-in organizer. */
export async function asOrganizer<T = any>(server: LocalAppSync, query: string, variables: Record<string, unknown> = {}) {
  return graphql<T>(server, query, variables, { authorization: await organizerToken(server) });
}

export type TestPoll = { id: string; code: string; round: number; options: { id: string; label: string }[] };

const POLL_FIELDS = 'id code state round resultsVisibility options { id label }';

/** Creates a poll as the organizer and, unless told otherwise, opens it. */
export async function createPoll(
  server: LocalAppSync,
  { title = 'Best talk', options = ['Alpha', 'Beta', 'Gamma'], resultsVisibility = 'ALWAYS', open = true } = {},
): Promise<TestPoll> {
  const created = await asOrganizer(server, `mutation ($input: CreatePollInput!) { createPoll(input: $input) { ${POLL_FIELDS} } }`, {
    input: { title, options, resultsVisibility },
  });
  if (created.body.errors) throw new Error(JSON.stringify(created.body.errors));
  const poll = created.body.data.createPoll as TestPoll;
  if (open) await pollAction(server, 'openPoll', poll.id);
  return poll;
}

export async function pollAction(server: LocalAppSync, action: 'openPoll' | 'closePoll' | 'resetPoll' | 'deletePoll', id: string) {
  const answer = await asOrganizer(server, `mutation ($id: ID!) { ${action}(id: $id) { ${POLL_FIELDS} } }`, { id });
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.data[action];
}

/** Joins a poll by its code, as a phone does: answers the new participant's id. */
export async function join(server: LocalAppSync, poll: { code: string }): Promise<string> {
  const answer = await graphql(server, 'mutation ($code: String!) { joinPoll(code: $code) { participantId } }', { code: poll.code });
  if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
  return answer.body.data.joinPoll.participantId;
}

export const CAST_VOTE = /* GraphQL */ `
  mutation CastVote($pollId: ID!, $participantId: ID!, $optionId: ID!) {
    castVote(pollId: $pollId, participantId: $participantId, optionId: $optionId) {
      pollId optionId round
      results { pollId title state round totalVotes updatedAt options { optionId label votes } }
    }
  }
`;

export function castVote(server: LocalAppSync, pollId: string, participantId: string, optionId: string) {
  return graphql(server, CAST_VOTE, { pollId, participantId, optionId });
}
