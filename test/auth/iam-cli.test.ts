// `appsync-local serve` takes IAM users from --iam, --iam-file and
// $APPSYNC_LOCAL_IAM_USERS (a file or the environment keeps secrets out of
// /proc/<pid>/cmdline), accepts each one's signatures, and names the users by
// access key id only.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFetchHeaders } from '../support/sigv4.ts';
import { IAM_USER, writeModesApi } from './modes-api.ts';

const FROM_FLAG = { name: 'flag', accessKeyId: 'AKIAFROMFLAG00000001', secretAccessKey: 'flag-secret-1' };
const FROM_FILE = { name: 'file', accessKeyId: 'AKIAFROMFILE00000001', secretAccessKey: 'file-secret-1' };
const FROM_ENV = { name: 'env', accessKeyId: 'AKIAFROMENV000000001', secretAccessKey: 'env-secret-1' };
const spec = (user: typeof FROM_FLAG) => `${user.name}:${user.accessKeyId}:${user.secretAccessKey}`;

let child: ChildProcess;
let output = '';
let url: string;

beforeAll(async () => {
  const folder = mkdtempSync(join(tmpdir(), 'handsup-iam-cli-'));
  writeFileSync(join(folder, 'iam-users'), `${spec(FROM_FILE)}\n`);
  const declaration = writeModesApi('https://issuer.example.com');
  child = spawn(
    process.execPath,
    ['local/bin/appsync-local.js', 'serve', declaration, '--port', '0', '--host', '127.0.0.1', '--in-memory', '--iam', spec(FROM_FLAG), '--iam-file', join(folder, 'iam-users')],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, APPSYNC_LOCAL_IAM_USERS: spec(FROM_ENV) } },
  );
  await new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Press Ctrl-C')) resolve();
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) => reject(new Error(`appsync-local exited (${code}): ${output}`)));
  });
  url = output.match(/GraphQL:\s+(http:\S+)/)![1]!;
  // A process of its own (tsx, the store, the user pool) starts slowly on a busy machine.
}, 120_000);
afterAll(() => {
  child?.kill('SIGTERM');
});

describe('appsync-local serve with IAM users', () => {
  it.each([
    ['--iam', FROM_FLAG],
    ['--iam-file', FROM_FILE],
    ['$APPSYNC_LOCAL_IAM_USERS', FROM_ENV],
    ['the declaration', IAM_USER],
  ])('accepts the signatures of a user given by %s', async (_source, user) => {
    const body = JSON.stringify({ query: '{ iamOnly }' });
    const response = await fetch(url, { method: 'POST', headers: await signedFetchHeaders(url, body, user), body });
    expect(await response.json()).toEqual({ data: { iamOnly: 'for IAM callers' } });
  });

  it('lists the IAM users by access key id, and prints no secret', () => {
    expect(output).toContain(`IAM users:  backend (${IAM_USER.accessKeyId}), flag (${FROM_FLAG.accessKeyId}), file (${FROM_FILE.accessKeyId}), env (${FROM_ENV.accessKeyId})`);
    for (const user of [FROM_FLAG, FROM_FILE, FROM_ENV, IAM_USER]) expect(output).not.toContain(user.secretAccessKey);
  });
});
