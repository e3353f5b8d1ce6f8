// The Gen 2 example app's backend (test/gen2/app/amplify) started the way its README
// says, `appsync-local serve amplify/`, in a process of its own, and the real Gen 2
// client configured from the amplify_outputs.json that command writes beside amplify/.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Amplify } from 'aws-amplify';
import { signIn, signOut } from 'aws-amplify/auth';
import { WebSocket } from 'ws';
import { amplifyConfig } from '../../local/user-pool/client.ts';
import { installRealtimeWebSocket } from '../../web/src/api/websocket.ts';

export const ANA = { username: 'ana@example.com', password: 'Ana-Passw0rd!' };
export const BEN = { username: 'ben@example.com', password: 'Ben-Passw0rd!' };

const AMPLIFY_FOLDER = fileURLToPath(new URL('./app/amplify', import.meta.url));
const OUTPUTS_FILE = fileURLToPath(new URL('./app/amplify_outputs.json', import.meta.url));

export type ServedApp = { process: ChildProcess; url: string; output: string; outputs: Record<string, any>; close(): Promise<void> };

/** Serves the app (synthesis included: this takes a while) and configures Amplify from the outputs it wrote. */
export async function serveApp(): Promise<ServedApp> {
  const child = spawn(process.execPath, ['local/bin/appsync-local.js', 'serve', AMPLIFY_FOLDER, '--port', '0', '--host', '127.0.0.1', '--in-memory'], {
    // Users through the environment: a password on the command line is readable by every local user.
    env: { ...process.env, APPSYNC_LOCAL_USERS: [ANA, BEN].map((u) => `${u.username}:${u.password}`).join('\n') },
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
