// The Gen 2 example app's backend (test/gen2/app/amplify) started the way its README
// says, `appsync-local serve amplify/`, in a process of its own, and the real Gen 2
// client configured from the amplify_outputs.json that command writes beside amplify/.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Amplify } from 'aws-amplify';
import { signIn, signOut } from 'aws-amplify/auth';
import { Hub } from 'aws-amplify/utils';
import { WebSocket } from 'ws';
import { amplifyConfig } from '../../local/user-pool/client.ts';
import { installRealtimeWebSocket } from '../../web/src/api/websocket.ts';

export const ANA = { username: 'ana@example.com', password: 'Ana-Passw0rd!' };
export const BEN = { username: 'ben@example.com', password: 'Ben-Passw0rd!' };
/** In the app's EDITORS group (defineAuth's groups), which Blog's allow.group('EDITORS') lets in. */
export const EDI = { username: 'edi@example.com', password: 'Edi-Passw0rd!', groups: ['EDITORS'] };
const USERS: { username: string; password: string; groups?: string[] }[] = [ANA, BEN, EDI];

const AMPLIFY_FOLDER = fileURLToPath(new URL('./app/amplify', import.meta.url));
const OUTPUTS_FILE = fileURLToPath(new URL('./app/amplify_outputs.json', import.meta.url));

export type ServedApp = { process: ChildProcess; url: string; output: string; outputs: Record<string, any>; close(): Promise<void> };

/** Serves the app (synthesis included: this takes a while) and configures Amplify from the outputs it wrote. */
export async function serveApp(): Promise<ServedApp> {
  const child = spawn(process.execPath, ['local/bin/appsync-local.js', 'serve', AMPLIFY_FOLDER, '--port', '0', '--host', '127.0.0.1', '--in-memory'], {
    // Users through the environment: a password on the command line is readable by every local user.
    env: { ...process.env, APPSYNC_LOCAL_USERS: USERS.map((u) => [u.username, u.password, ...(u.groups ? [u.groups.join(',')] : [])].join(':')).join('\n') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Press Ctrl-C')) resolve();
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`appsync-local exited (${code}): ${output}`)));
  });
  const url = output.match(/GraphQL:\s+(http:\S+)/)![1]!;
  const outputs = JSON.parse(readFileSync(OUTPUTS_FILE, 'utf8'));
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
  installRealtimeWebSocket(url);
  Amplify.configure(amplifyConfig(outputs));
  return {
    process: child,
    url,
    output,
    outputs,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Signs a user in through the local pool (USER_PASSWORD_AUTH: the local pool has no SRP). */
export async function signInAs(user: { username: string; password: string }) {
  await signOut();
  await signIn({ username: user.username, password: user.password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
}

type Subscribable<T> = { subscribe(observer: { next(value: T): void; error(error: unknown): void }): { unsubscribe(): void } };

/** What a subscription has delivered, in order: next() waits for the next one. */
export type Delivered<T> = { next(): Promise<T>; errors: unknown[]; unsubscribe(): void };

/**
 * Subscribes and resolves once AppSync has acknowledged every subscription the call
 * opens (`acks`: observeQuery opens three), as aws-amplify reports it on Hub.
 */
export async function subscribed<T>(source: Subscribable<T>, acks = 1): Promise<Delivered<T>> {
  const queue: T[] = [];
  const waiting: ((value: T) => void)[] = [];
  const errors: unknown[] = [];
  let acknowledged = 0;
  let ready!: () => void;
  const allAcknowledged = new Promise<void>((resolve) => (ready = resolve));
  const stopListening = Hub.listen('api', ({ payload }) => {
    if (payload.event === 'Subscription ack' && ++acknowledged === acks) ready();
  });
  const subscription = source.subscribe({
    next: (value) => (waiting.length ? waiting.shift()!(value) : queue.push(value)),
    error: (error) => errors.push(error),
  });
  await allAcknowledged;
  stopListening();
  return {
    next: () => (queue.length ? Promise.resolve(queue.shift()!) : new Promise<T>((resolve) => waiting.push(resolve))),
    errors,
    unsubscribe: () => subscription.unsubscribe(),
  };
}
