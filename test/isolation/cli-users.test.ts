// `appsync-local serve` takes users from a file or an environment variable, so
// no password sits in /proc/<pid>/cmdline; and nothing it prints holds one.
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signInWithPassword } from '../../local/user-pool/sign-in.ts';
import { freePort } from '../support/server-process.ts';

const PASSWORD = 'File-Passw0rd-7c1e';
const dir = mkdtempSync(join(tmpdir(), 'appsync-users-'));

type Run = { output: string; exitCode: number | null; cmdline: string; endpoint?: string; clientId?: string; signedIn?: boolean };

/** Runs `serve` until it is up (or exits), signs in as olivia when it is up, then stops it. */
async function serve(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const port = await freePort();
  const child = spawn(process.execPath, ['local/bin/appsync-local.js', 'serve', 'api.json', '--in-memory', '--host', '127.0.0.1', '--port', String(port), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const up = await Promise.race([
    new Promise<boolean>((resolve) => child.stdout.on('data', () => output.includes('Press Ctrl-C') && resolve(true))),
    exited.then(() => false),
  ]);
  const run: Run = { output, exitCode: null, cmdline: '' };
  if (up) {
    run.cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8');
    const [, clientId, endpoint] = output.match(/app client (\S+)\) at (\S+)/)!;
    run.signedIn = await signInWithPassword({ endpoint: endpoint!, clientId: clientId!, username: 'olivia', password: PASSWORD }).then(
      (tokens) => Boolean(tokens.idToken),
      () => false,
    );
    child.kill('SIGINT');
  }
  run.exitCode = await exited;
  run.output = output;
  return run;
}

describe('users without a password on the command line', () => {
  it('--users-file: the user signs in, and neither the command line nor the output holds the password', { timeout: 120_000 }, async () => {
    const file = join(dir, 'users');
    writeFileSync(file, `# organizers\nolivia:${PASSWORD}:organizers\n\n`);
    chmodSync(file, 0o600);
    const run = await serve(['--users-file', file]);
    expect(run.signedIn).toBe(true);
    expect(run.cmdline).not.toContain(PASSWORD);
    expect(run.output).not.toContain(PASSWORD);
  });

  it('$APPSYNC_LOCAL_USERS: the user signs in, and the output does not hold the password', { timeout: 120_000 }, async () => {
    const run = await serve([], { APPSYNC_LOCAL_USERS: `olivia:${PASSWORD}:organizers` });
    expect(run.signedIn).toBe(true);
    expect(run.cmdline).not.toContain(PASSWORD);
    expect(run.output).not.toContain(PASSWORD);
  });

  it('a users file others can read is used, with a warning to chmod 600 that shows no password', { timeout: 120_000 }, async () => {
    const file = join(dir, 'open-users');
    writeFileSync(file, `olivia:${PASSWORD}:organizers\n`);
    chmodSync(file, 0o644);
    const run = await serve(['--users-file', file]);
    expect(run.signedIn).toBe(true);
    expect(run.output).toContain(`chmod 600 ${file}`);
    expect(run.output).not.toContain(PASSWORD);
  });

  it('a malformed line is refused by its number, without showing the line', { timeout: 120_000 }, async () => {
    const file = join(dir, 'bad-users');
    writeFileSync(file, `olivia:${PASSWORD}:organizers:extra\n`);
    chmodSync(file, 0o600);
    const run = await serve(['--users-file', file]);
    expect(run.exitCode).toBe(2);
    expect(run.output).toContain(`${file}, line 1: expected name:password`);
    expect(run.output).not.toContain(PASSWORD);
  });

  it('a malformed --user is refused without echoing its password', { timeout: 120_000 }, async () => {
    const run = await serve(['--user', `olivia:${PASSWORD}:organizers:extra`]);
    expect(run.exitCode).toBe(2);
    expect(run.output).toContain('--user "olivia"');
    expect(run.output).not.toContain(PASSWORD);
  });

  it('--help says why the file is better than --user', { timeout: 120_000 }, async () => {
    const help = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['local/bin/appsync-local.js', '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk) => (text += chunk));
      child.stderr.on('data', (chunk) => (text += chunk));
      child.once('exit', () => resolve(text));
    });
    expect(help).toContain('--users-file');
    expect(help).toContain('/proc/<pid>/cmdline');
  });
});
