// The end-to-end side of the voting bench: HandsUp's api.json served by `appsync-local serve` in a
// process of its own (the embedded default: dynalite on a thread of its own, data on disk;
// BENCH_DYNALITE_IN_PROCESS=1: on the server's thread), reached over HTTP and
// AppSync's real-time protocol as phones and the big screen reach it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { signInWithPassword } from '../../local/user-pool/sign-in.ts';
import { freePort, startServerProcess } from '../../test/support/server-process.ts';
import { pace, type Sighting } from './pace.ts';

/** The organizer the bench's servers start with (`users` of startServerProcess). */
export const ORGANIZER = { username: 'organizer', password: 'bench-organizer-pw' };

/** GraphQL over HTTP to the server on `port` (errors thrown), and the organizer's signed-in headers. */
export async function reach(port: number) {
  const url = `http://127.0.0.1:${port}/graphql`;
  const post = async (query: string, variables: object, headers: Record<string, string>) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data: any; errors?: { message: string }[] };
    if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data;
  };
  const outputs = await (await fetch(`http://127.0.0.1:${port}/amplify_outputs.json`)).json();
  const { idToken } = await signInWithPassword({ endpoint: outputs.custom.user_pool_endpoint, clientId: outputs.auth.user_pool_client_id, ...ORGANIZER });
  return { post, organizer: { authorization: idToken } };
}

export type Server = Awaited<ReturnType<typeof startServer>>;

/**
 * Starts the server, creates one event with `questions` (opened, in that order) and has
 * `participants` phones join it (not measured). BENCH_PROFILE=<dir> writes the server's CPU profile there.
 */
export async function startServer(options: { questions: object[]; participants: number; concurrency: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'handsup-bench-'));
  const port = await freePort();
  const { process: child, apiKey } = await startServerProcess({
    port,
    dataDir,
    users: [{ ...ORGANIZER, groups: ['organizers'] }],
    nodeArgs: process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : [],
    stderr: 'inherit',
    serveArgs: process.env.BENCH_DYNALITE_IN_PROCESS ? ['--dynalite-in-process'] : [],
  });
  const close = async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const { post, organizer } = await reach(port);
    const phone = { 'x-api-key': apiKey };
    const { createEvent: event } = await post(
      'mutation ($input: CreateEventInput!) { createEvent(input: $input) { id code questionIds } }',
      { input: { title: 'Bench', questions: options.questions } },
      organizer,
    );
    for (const questionId of event.questionIds) {
      await post('mutation ($e: ID!, $q: ID!) { openQuestion(eventId: $e, questionId: $q) { id } }', { e: event.id, q: questionId }, organizer);
    }
    const participants: string[] = [];
    await pace(options.participants, options.concurrency, async () => {
      participants.push((await post('mutation ($code: String!) { joinEvent(code: $code) { participantId } }', { code: event.code }, phone)).joinEvent.participantId);
    });
    const socket = await connect(port, apiKey);
    return {
      /** The server's process id, for its CPU time (thread-cpu.ts). */
      pid: child.pid!,
      eventId: event.id as string,
      questionIds: event.questionIds as string[],
      participants,
      /** A phone's mutation: answers the field's payload, when it was acknowledged, and that payload as JSON text. */
      async answer(query: string, variables: object): Promise<Sighting & { data: any }> {
        const data = Object.values(await post(query, variables, phone))[0];
        return { data, key: JSON.stringify(data), at: performance.now() };
      },
      /** One more subscriber on the shared socket (the big screen, a phone's Q&A list): what it receives, as it arrives. */
      subscribe: (query: string, variables: object) => socket.subscribe(query, variables),
      close: async () => {
        socket.close();
        await close();
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** One WebSocket speaking AppSync's real-time protocol with the API key; each subscription keeps its own sightings. */
async function connect(port: number, apiKey: string) {
  const authorization = { host: `127.0.0.1:${port}`, 'x-api-key': apiKey };
  const header = Buffer.from(JSON.stringify(authorization)).toString('base64url');
  const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql/realtime`, ['graphql-ws', `header-${header}`]);
  const subscriptions = new Map<string, { shown: Sighting[]; started: () => void; failed: (error: Error) => void }>();
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
    socket.on('message', (raw) => {
      const message = JSON.parse(String(raw));
      const subscription = subscriptions.get(message.id);
      if (message.type === 'connection_ack') resolve();
      else if (message.type === 'start_ack') subscription?.started();
      else if (message.type === 'data') {
        const at = performance.now();
        subscription?.shown.push({ key: JSON.stringify(Object.values(message.payload.data)[0]), at });
      } else if (message.type === 'error') (subscription?.failed ?? reject)(new Error(JSON.stringify(message)));
    });
  });
  return {
    async subscribe(query: string, variables: object): Promise<Sighting[]> {
      const id = `s${subscriptions.size + 1}`;
      const shown: Sighting[] = [];
      await new Promise<void>((started, failed) => {
        subscriptions.set(id, { shown, started, failed });
        socket.send(JSON.stringify({ id, type: 'start', payload: { data: JSON.stringify({ query, variables }), extensions: { authorization } } }));
      });
      return shown;
    },
    close: () => socket.close(),
  };
}
