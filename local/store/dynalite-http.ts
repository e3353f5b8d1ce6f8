// dynalite behind its own HTTP API on a loopback port, for clients that speak DynamoDB's protocol
// (the AWS SDK, the AWS CLI) and for comparison in bench/datasource.bench.ts. The local AppSync itself
// calls dynalite in-process (dynalite.ts), which is about twice as fast for the same answers.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { DynamoDbEngine } from './engine.ts';
import { DYNALITE_UNSUPPORTED } from './dynalite.ts';
import { httpEngine } from './http-engine.ts';

const require = createRequire(import.meta.url);

type DynaliteServer = import('node:http').Server;
const dynalite = require('dynalite') as (options: { path?: string; createTableMs?: number; deleteTableMs?: number; updateTableMs?: number }) => DynaliteServer;

export async function startDynaliteHttp(options: { path: string | null }): Promise<DynamoDbEngine> {
  if (options.path) mkdirSync(options.path, { recursive: true });
  const server = dynalite({ path: options.path ?? undefined, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { ...httpEngine('dynalite', new URL(`http://127.0.0.1:${port}`), close), unsupported: DYNALITE_UNSUPPORTED };
}
