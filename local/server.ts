// The local AppSync, assembled: the store, the API, the HTTP endpoint and the
// real-time endpoint on one port. `appsync-local serve` and the tests start it here.
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createApi, type LocalApi } from './api.ts';
import { apiKeyFor } from './auth/api-keys.ts';
import { createAuthorizer } from './auth/authorize.ts';
import { lambdaAuthorizer } from './auth/lambda-authorizer.ts';
import type { IamUser } from './auth/iam.ts';
import type { ApiDeclaration } from './declaration/declaration.ts';
import { loadApiSource, type SourceOptions } from './declaration/source.ts';
import { REGION } from './http/outputs.ts';
import { createHttpServer } from './http/server.ts';
import { machineCertificate, withTls } from './http/tls.ts';
import { RealtimeServer, type RealtimeOptions } from './realtime/server.ts';
import { startEngine, type EngineOption } from './store/engines.ts';
import { ensureTables } from './store/tables.ts';
import { UserPool } from './user-pool/pool.ts';
import type { UserSpec } from './user-pool/users.ts';

export type LocalAppSyncOptions = {
  /** Path of the API: its declaration (api.json), a CloudFormation template or a CDK cloud assembly folder. */
  declaration: string;
  /** For a template or a cloud assembly: the stack, parameters and API to serve. */
  source?: SourceOptions;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Folder for the store and the API key; null keeps everything in memory. */
  dataDir?: string | null;
  /** A built web app to serve at `/`. */
  webRoot?: string;
  /** A fixed API key instead of the one kept in dataDir. */
  apiKey?: string;
  /** The DynamoDB engine: 'dynalite' (default), 'dynamodb-local' (Java 17+; has transactions) or an endpoint. */
  engine?: EngineOption;
  /** Real-time timings (keep-alive, idle timeout) other than AppSync's, and where its warnings go. */
  realtime?: RealtimeOptions;
  /** Also serve https:// and wss:// on the same port, with a certificate made for this machine (kept in dataDir/tls). */
  tls?: boolean;
  /** Shorter HTTP timeouts for slow clients than AppSync-like defaults (tests). */
  httpTimeouts?: { headersMs: number; requestMs: number };
  /** HTTP data source → endpoint to call instead of the declared one (e.g. a local stand-in). */
  httpEndpoints?: Record<string, string>;
  /** Users of the API's local Cognito user pool to create (or whose password and groups to set); needs AMAZON_COGNITO_USER_POOLS. */
  users?: UserSpec[];
  /** IAM users whose SigV4 signatures AWS_IAM accepts, besides those the declaration lists; needs AWS_IAM. */
  iamUsers?: IamUser[];
  /** How long a request's resolvers may run, under AppSync's 30 s (tests of a runaway resolver). */
  executionTimeoutMs?: number;
};

export type LocalAppSync = {
  url: string;
  realtimeUrl: string;
  port: number;
  apiKey: string;
  api: LocalApi;
  realtime: RealtimeServer;
  /** With `tls`: the https and wss URLs, and the CA a client must trust (kept in caFile when there is a data folder). */
  tls?: { url: string; realtimeUrl: string; ca: string; caFile: string | null };
  /** The local Cognito user pool, when the API has AMAZON_COGNITO_USER_POOLS. */
  userPool?: UserPool;
  /** True when no declared table holds an item. */
  isEmpty(): Promise<boolean>;
  close(): Promise<void>;
};

export async function startLocalAppSync(options: LocalAppSyncOptions): Promise<LocalAppSync> {
  const declaration = loadApiSource(options.declaration, options.source);
  const dataDir = options.dataDir === null ? null : resolve(options.dataDir ?? '.data');
  const engine = await startEngine(options.engine, dataDir);
  try {
    await ensureTables(engine, declaration.tables);
    const api = createApi(declaration, engine, { httpEndpoints: options.httpEndpoints, executionTimeoutMs: options.executionTimeoutMs });
    const apiKey = options.apiKey ?? apiKeyFor(dataDir);
    const userPool = await userPoolFor(declaration.authorization, dataDir, options.users);
    const lambdaConfig = declaration.authorization.lambdaAuthorizer;
    const lambda = lambdaConfig && lambdaAuthorizer(lambdaConfig, api.lambdaFunctions.get(lambdaConfig.function)!, localApiId(declaration.name));
    const authorize = createAuthorizer({
      authorization: declaration.authorization,
      apiKeys: [apiKey],
      userPool,
      iam: iamFor(declaration.authorization, options.iamUsers),
      openIdConnect: declaration.authorization.openIdConnect,
      lambda,
    });
    const realtime = new RealtimeServer(api, authorize, options.realtime);
    const server = createHttpServer({ api, authorize, realtime, apiKey, webRoot: options.webRoot, userPool, timeouts: options.httpTimeouts });
    const host = options.host ?? '127.0.0.1';
    // With TLS one listener takes every connection and hands it to the http or the https server.
    const certificate = options.tls ? machineCertificate(dataDir) : undefined;
    const dual = certificate ? withTls(server, certificate) : undefined;
    const listener = dual?.listener ?? server;
    await new Promise<void>((done, fail) => {
      listener.once('error', fail);
      listener.listen(options.port ?? 4000, host, () => done());
    });
    const { port } = listener.address() as AddressInfo;
    await realtime.shareListener(listener, server.headersTimeout);
    const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    userPool?.publishAt(`http://${shown}:${port}`);
    return {
      url: `http://${shown}:${port}/graphql`,
      realtimeUrl: `ws://${shown}:${port}/graphql/realtime`,
      port,
      apiKey,
      tls: certificate && {
        url: `https://${shown}:${port}/graphql`,
        realtimeUrl: `wss://${shown}:${port}/graphql/realtime`,
        ca: certificate.ca,
        caFile: certificate.caFile,
      },
      api,
      realtime,
      userPool,
      async isEmpty() {
        for (const tableName of Object.keys(declaration.tables)) {
          const { Count } = await engine.call<{ Count?: number }>('Scan', { TableName: engine.tableName?.(tableName) ?? tableName, Limit: 1 });
          if (Count) return false;
        }
        return true;
      },
      async close() {
        await realtime.close();
        server.closeAllConnections();
        dual?.https.closeAllConnections();
        if (dual) await new Promise<void>((done) => dual.listener.close(() => done()));
        await new Promise<void>((done) => server.close(() => done()));
        await realtime.stopWorkers();
        await api.close();
        await engine.close();
      },
    };
  } catch (error) {
    await engine.close();
    throw error;
  }
}

/** An AppSync-like API id (26 characters), the same for the same API name across restarts. */
function localApiId(name: string): string {
  return createHash('sha256').update(name).digest('hex').slice(0, 26);
}

/** The API's local user pool (in dataDir/user-pool), when it has AMAZON_COGNITO_USER_POOLS. */
async function userPoolFor(authorization: ApiDeclaration['authorization'], dataDir: string | null, users: UserSpec[] = []) {
  if (![authorization.default, ...authorization.additional].includes('AMAZON_COGNITO_USER_POOLS')) {
    if (users.length) throw new Error('users were given, but the API has no AMAZON_COGNITO_USER_POOLS authorization mode');
    return undefined;
  }
  return UserPool.open({ folder: dataDir ? join(dataDir, 'user-pool') : null, groups: authorization.userPool?.groups, users });
}

/** AWS_IAM's users: the declaration's and those given at start (--iam), by access key. */
function iamFor(authorization: ApiDeclaration['authorization'], given: IamUser[] = []) {
  if (![authorization.default, ...authorization.additional].includes('AWS_IAM')) {
    if (given.length) throw new Error('IAM users were given, but the API has no AWS_IAM authorization mode');
    return undefined;
  }
  const users = [...(authorization.iam?.users ?? []), ...given];
  return { users, accountId: authorization.iam?.accountId ?? '000000000000', region: REGION };
}
