// The services test API (fixtures/services.*: Lambda and HTTP data sources) on the local AppSync, for one test file.
import { fileURLToPath } from 'node:url';
import { startLocalAppSync, type LocalAppSync, type LocalAppSyncOptions } from '../../../local/server.ts';
import { graphql } from '../../support/local-appsync.ts';

export const SERVICES = fileURLToPath(new URL('../fixtures/services/services.api.json', import.meta.url));

export function startServices(options: Partial<LocalAppSyncOptions> = {}): Promise<LocalAppSync> {
  return startLocalAppSync({ declaration: SERVICES, port: 0, host: '127.0.0.1', dataDir: null, ...options });
}

export { graphql };
