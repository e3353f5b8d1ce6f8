// `npm start`: HandsUp on the embedded default — one use of the local AppSync.
// Serves the API, the built web app and the user pool on one port, keeps data in
// .data/, makes the organizer account on first start, and on an empty store
// creates a demo event: a multiple-choice question opened and on, then a rating,
// a word cloud and a Q&A as drafts.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { serve } from '../local/cli/serve.ts';
import type { LocalAppSync } from '../local/server.ts';
import { signInWithPassword } from '../local/user-pool/sign-in.ts';

const DATA = '.data';
const ORGANIZER = 'organizer';

/** HANDSUP_ORGANIZER_PASSWORD, or a password made on first start and kept in .data/. */
function organizerPassword(): string {
  if (process.env.HANDSUP_ORGANIZER_PASSWORD) return process.env.HANDSUP_ORGANIZER_PASSWORD;
  const file = join(DATA, 'organizer-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(DATA, { recursive: true });
  const password = randomBytes(9).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

const DEMO = {
  title: 'Startup Architecture of the Year',
  questions: [
    { type: 'MULTIPLE_CHOICE', title: 'Which architecture wins?', options: ['Team Aurora', 'Team Borealis', 'Team Cirrus', 'Team Delta'], allowChange: true },
    { type: 'RATING', title: 'How clear were the pitches?', scale: 5 },
    { type: 'WORD_CLOUD', title: 'One word for serverless', profanityFilter: true },
    { type: 'QA', title: 'Questions for the jury' },
  ],
};

/** On an empty store: the demo event, its first question opened and put on. Answers its code. */
async function seedDemoEvent(server: LocalAppSync, password: string): Promise<string | undefined> {
  if (!(await server.isEmpty())) return undefined;
  const pool = server.userPool!;
  const { idToken } = await signInWithPassword({ endpoint: pool.endpoint, clientId: pool.clientId, username: ORGANIZER, password });
  const call = async (query: string, variables: object) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: idToken },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: any; errors?: { message: string }[] };
    if (body.errors) throw new Error(`Seeding the demo event failed: ${body.errors.map((e) => e.message).join('; ')}`);
    return body.data;
  };
  const { createEvent } = await call('mutation ($input: CreateEventInput!) { createEvent(input: $input) { id code questionIds } }', { input: DEMO });
  const first = { eventId: createEvent.id, questionId: createEvent.questionIds[0] };
  await call('mutation ($eventId: ID!, $questionId: ID!) { openQuestion(eventId: $eventId, questionId: $questionId) { id } }', first);
  await call('mutation ($eventId: ID!, $questionId: ID!) { goToQuestion(eventId: $eventId, questionId: $questionId) { id } }', first);
  return createEvent.code;
}

const port = Number(process.env.PORT ?? 4000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not ${process.env.PORT}`);
  process.exit(2);
}
/** This machine's first non-internal IPv4 address, if it has one. */
function networkAddress(): string | undefined {
  return Object.values(networkInterfaces())
    .flat()
    .find((info) => info && info.family === 'IPv4' && !info.internal)?.address;
}

const host = process.env.HOST ?? '0.0.0.0';
const password = organizerPassword();
process.exitCode = await serve({
  declaration: 'api.json',
  port,
  host,
  dataDir: DATA,
  webRoot: 'web/dist',
  outputs: 'amplify_outputs.json',
  users: [{ username: ORGANIZER, password, groups: ['organizers'] }],
  onStarted: async (server) => {
    const code = await seedDemoEvent(server, password);
    // Phones open what the big screen's QR code holds: give the network address where there is one.
    const origin = `http://${host === '0.0.0.0' ? (networkAddress() ?? '127.0.0.1') : host}:${server.port}`;
    return [
      `  Organizer:  ${origin}/organizer — sign in as ${ORGANIZER} / ${password}`,
      code ? `  Demo event: created, first question open, code ${code}: ${origin}/p/${code} (big screen: ${origin}/p/${code}/screen)` : '',
    ];
  },
});
