// The embedded default engine: dynalite, in this process, on a loopback port
// of its own. Persisted in a LevelDB folder, or in memory when no folder is given.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import type { DynamoDbEngine } from './engine.ts';
import { httpEngine } from './http-engine.ts';

const require = createRequire(import.meta.url);

type DynaliteServer = import('node:http').Server;
const dynalite = require('dynalite') as (options: { path?: string; createTableMs?: number; deleteTableMs?: number; updateTableMs?: number }) => DynaliteServer;

const NO_TRANSACTIONS = (action: string) =>
  `${action} is not available on the dynalite engine: dynalite 4 does not implement DynamoDB transactions. ` +
  `Run the local AppSync on DynamoDB Local for transactions: \`appsync-local serve --engine dynamodb-local\` ` +
  `(startLocalAppSync({ engine: 'dynamodb-local' })), which needs Java 17 or later.`;

/** What dynalite lacks among the actions AppSync's request objects use. */
export const DYNALITE_UNSUPPORTED = {
  TransactGetItems: NO_TRANSACTIONS('TransactGetItems'),
  TransactWriteItems: NO_TRANSACTIONS('TransactWriteItems'),
  // No TTL either: the declared timeToLiveAttribute is kept as data, and items do not expire.
  UpdateTimeToLive: 'dynalite 4 does not implement time to live; items do not expire on this engine.',
};

export async function startDynalite(options: { path: string | null }): Promise<DynamoDbEngine> {
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
