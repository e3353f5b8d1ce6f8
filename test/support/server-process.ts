// `appsync-local serve` in a process of its own: for what needs the server on
// another event loop (benchmarks) or killed outright (crash tests).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export type ServerProcess = { process: ChildProcess; port: number; apiKey: string; url: string };

/** Starts the server on `port` with HandsUp's api.json and resolves once it serves. */
export async function startServerProcess(options: {
  port: number;
  dataDir: string;
  users: { username: string; password: string; groups?: string[] }[];
  /** node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
  stderr?: 'pipe' | 'inherit';
  /** More `serve` flags, e.g. --dynalite-in-process. */
  serveArgs?: string[];
}): Promise<ServerProcess> {
  const users = options.users.flatMap((u) => ['--user', `${u.username}:${u.password}${u.groups?.length ? `:${u.groups.join(',')}` : ''}`]);
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), 'local/bin/appsync-local.js', 'serve', 'api.json', '--port', String(options.port), '--host', '127.0.0.1', '--data', options.dataDir, ...users, ...(options.serveArgs ?? [])],
    { stdio: ['ignore', 'pipe', options.stderr ?? 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('Press Ctrl-C')) resolve();
    });
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`appsync-local exited (${code}): ${output}`)));
  });
  const apiKey = output.match(/API key:\s+(\S+)/)![1]!;
  return { process: child, port: options.port, apiKey, url: `http://127.0.0.1:${options.port}/graphql` };
}
