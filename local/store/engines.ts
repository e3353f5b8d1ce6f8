// Which engine holds the tables, chosen in configuration:
//   dynalite       — the embedded default: on a thread of this process (dynalite-thread.ts; `inProcess: true`
//                    keeps it on the server's thread), persisted in the data folder or in memory.
//   dynamodb-local — the official DynamoDB Local (Java 17+), started and stopped here; has transactions.
//   endpoint       — real DynamoDB (AWS credential chain and region) or any DynamoDB-compatible URL.
import { join } from 'node:path';
import { coalesceReads } from './coalesced-reads.ts';
import { startDynalite } from './dynalite.ts';
import { startDynaliteThread } from './dynalite-thread.ts';
import { startDynamoDbLocal } from './dynamodb-local.ts';
import type { DynamoDbEngine } from './engine.ts';
import { connectEndpoint, type EndpointOptions } from './endpoint.ts';

export const ENGINE_KINDS = ['dynalite', 'dynamodb-local', 'endpoint'] as const;
export type EngineKind = (typeof ENGINE_KINDS)[number];

export type EngineOption = EngineKind | { kind: 'dynalite'; inProcess?: boolean } | { kind: 'dynamodb-local' } | ({ kind: 'endpoint' } & EndpointOptions);

/** Starts the chosen engine; `dataDir` null keeps a local engine's tables in memory. */
export async function startEngine(option: EngineOption = 'dynalite', dataDir: string | null): Promise<DynamoDbEngine> {
  const config = typeof option === 'string' ? { kind: option } : option;
  switch (config.kind) {
    case 'dynalite': {
      const path = dataDir ? join(dataDir, 'dynalite') : null;
      return coalesceReads(await ((config as { inProcess?: boolean }).inProcess ? startDynalite({ path }) : startDynaliteThread({ path })));
    }
    case 'dynamodb-local':
      return coalesceReads(await startDynamoDbLocal({ path: dataDir ? join(dataDir, 'dynamodb-local') : null }));
    case 'endpoint':
      return connectEndpoint(config as EndpointOptions);
    default:
      throw new Error(`Unknown engine '${(config as { kind: string }).kind}'. Choose one of: ${ENGINE_KINDS.join(', ')}`);
  }
}
