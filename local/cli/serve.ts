// `appsync-local serve`: starts the local AppSync, writes the client
// configuration, seeds an empty store, and stops cleanly on Ctrl-C.
import { readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { Kind, parse } from 'graphql';
import { sourceKind, type SourceOptions } from '../declaration/source.ts';
import { amplifyOutputsFile, isAmplifyProject } from '../templates/amplify.ts';
import { watchTemplate } from '../templates/reload.ts';
import { amplifyOutputs } from '../http/outputs.ts';
import { trustInstructions } from '../http/tls.ts';
import { watchCode } from '../resolvers/reload.ts';
import { startLocalAppSync, type LocalAppSync } from '../server.ts';
import type { EngineOption } from '../store/engines.ts';
import type { IamUser } from '../auth/iam.ts';
import type { UserSpec } from '../user-pool/users.ts';

export type ServeOptions = {
  /** api.json, a CloudFormation template or a CDK cloud assembly folder. */
  declaration: string;
  /** For a template or a cloud assembly: `--stack`, `--parameter`, `--api`. */
  source?: SourceOptions;
  port: number;
  host: string;
  dataDir: string | null;
  webRoot?: string;
  outputs?: string;
  seed?: string;
  engine?: EngineOption;
  /** Also serve https:// and wss:// on the port (`--tls`). */
  tls?: boolean;
  /** Users of the API's local user pool (`--user name:password[:group,group]`). */
  users?: UserSpec[];
  /** IAM users for AWS_IAM (`--iam`, `--iam-file`, $APPSYNC_LOCAL_IAM_USERS). */
  iamUsers?: IamUser[];
  /** HTTP data source → the endpoint to call instead of its declared one (`--http-endpoint Name=url`). */
  httpEndpoints?: Record<string, string>;
  /** A request time limit under AppSync's 30 s (`--execution-timeout <seconds>`). */
  executionTimeoutMs?: number;
  /** Socket worker processes for the real-time endpoint (`--realtime-workers <n>`; 1: none). */
  realtime?: { workers?: number };
  /** For programs built on `serve` (HandsUp's `npm start`): runs once the API serves; its lines are printed with the rest. */
  onStarted?: (server: LocalAppSync) => Promise<string[]>;
};

export async function serve(options: ServeOptions): Promise<number> {
  // An Amplify project gets its amplify_outputs.json for the local endpoint, where `ampx sandbox` would write it.
  if (options.outputs === undefined && isAmplifyProject(options.declaration)) options = { ...options, outputs: amplifyOutputsFile(options.declaration) };
  let server: LocalAppSync;
  try {
    server = await startLocalAppSync(options);
  } catch (error) {
    process.stderr.write(`appsync-local: ${(error as Error).message}\n`);
    return 1;
  }
  const origin = `http://127.0.0.1:${server.port}`;
  if (options.outputs) writeFileSync(options.outputs, JSON.stringify(amplifyOutputs(origin, server.apiKey, { authorization: server.api.declaration.authorization, userPool: server.userPool, gen2: server.api.declaration.gen2 }), null, 2) + '\n');
  if (options.seed) await seedIfEmpty(server, options.seed);
  let extra: string[] = [];
  try {
    extra = (await options.onStarted?.(server)) ?? [];
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    await server.close();
    return 1;
  }

  const lines = [
    `${server.api.declaration.name} is running on the local AppSync`,
    options.webRoot ? `  Web app:    ${origin}/` : '',
    `  GraphQL:    ${server.url}`,
    `  Real-time:  ${server.realtimeUrl}`,
    ...(server.tls ? [`  GraphQL:    ${server.tls.url}`, `  Real-time:  ${server.tls.realtimeUrl}`] : []),
    ...(server.tls ? (server.tls.caFile ? trustInstructions(server.tls.caFile) : ['  TLS CA:     made for this run only (in memory): use --data to keep one you can trust']) : []),
    `  API key:    ${server.apiKey}`,
    server.userPool ? `  User pool:  ${server.userPool.userPoolId} (app client ${server.userPool.clientId}) at ${server.userPool.endpoint}` : '',
    ...authModeLines(server.api.declaration.authorization, options.iamUsers),
    (options.realtime?.workers ?? 1) > 1 ? `  Real-time sockets in ${options.realtime!.workers} worker processes (--realtime-workers)` : '',
    options.executionTimeoutMs ? `  Resolvers stop after ${options.executionTimeoutMs / 1000} s (--execution-timeout; AppSync: 30 s)` : '',
    ...Object.entries(options.httpEndpoints ?? {}).map(([name, url]) => `  HTTP data source ${name} calls ${url}`),
    options.dataDir ? `  Data:       ${options.dataDir}` : '  Data:       in memory (nothing is kept)',
    ...lanAddresses(options.host).map((address) => `  On your network: http://${address}:${server.port}/`),
    options.outputs ? `  Client configuration written to ${options.outputs}` : '',
    ...unsupportedLines(server),
    ...notEmulatedLines(server),
    ...extra,
    'Press Ctrl-C to stop.',
  ];
  process.stdout.write(lines.filter(Boolean).join('\n') + '\n');
  // Resolver code reloads on save (a template or cloud assembly: when it is written again);
  // a bad change is refused and the last good version keeps serving.
  const onError = (error: Error) => process.stderr.write(`appsync-local: resolver code not reloaded, the last good version keeps serving.\n${error.message}\n`);
  const watcher =
    sourceKind(options.declaration) === 'declaration'
      ? watchCode(server.api, { onReload: (files) => process.stdout.write(`Resolver code reloaded: ${files.join(', ')}\n`), onError })
      : watchTemplate(server.api, options.declaration, {
          ...options.source,
          onReload: (files) => files.length && process.stdout.write(`Resolver code reloaded from ${options.declaration}: ${files.join(', ')}\n`),
          onError,
        });

  return new Promise<number>((done) => {
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      watcher.close();
      process.stdout.write(`\n${signal}: stopping; the store is flushed to disk…\n`);
      await server.close();
      process.stdout.write('Stopped.\n');
      done(0);
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
}

/** Runs each mutation of the seed file once, in order, when every table is empty. */
async function seedIfEmpty(server: LocalAppSync, file: string) {
  if (!(await server.isEmpty())) return;
  const text = readFileSync(file, 'utf8');
  const operations = parse(text).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []));
  for (const operationName of operations) {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': server.apiKey },
      body: JSON.stringify({ query: text, operationName }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(`Seeding ${operationName} failed: ${body.errors.map((e) => e.message).join('; ')}`);
    process.stdout.write(`Seeded: ${operationName}\n`);
  }
}

/** The fields a template holds that are not served locally: each answers an error saying why. */
function unsupportedLines(server: LocalAppSync): string[] {
  const fields = Object.entries(server.api.declaration.unsupported ?? {});
  if (!fields.length) return [];
  return ['  Not supported locally (these fields answer an error; the rest serves):', ...fields.map(([field, reason]) => `    ${field}: ${reason}`)];
}

/** A Gen 2 backend's resources that are deployed but not run locally, and what stands in for them. */
function notEmulatedLines(server: LocalAppSync): string[] {
  const lines = server.api.declaration.gen2?.notEmulated ?? [];
  return lines.length ? ['  Not emulated (deployed in the cloud, skipped here):', ...lines.map((line) => `    ${line}`)] : [];
}

function lanAddresses(host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [];
  return Object.values(networkInterfaces())
    .flat()
    .filter((info) => info && info.family === 'IPv4' && !info.internal)
    .map((info) => info!.address);
}

/** The IAM users (by access key id, never the secret) and the OIDC issuer the API accepts. */
function authModeLines(authorization: LocalAppSync['api']['declaration']['authorization'], given: IamUser[] = []): string[] {
  const modes = [authorization.default, ...authorization.additional];
  const lines: string[] = [];
  if (modes.includes('AWS_IAM')) {
    const users = [...(authorization.iam?.users ?? []), ...given].map((user) => `${user.name} (${user.accessKeyId})`);
    lines.push(`  IAM users:  ${users.join(', ') || 'none: give --iam-file or $APPSYNC_LOCAL_IAM_USERS'}`);
  }
  if (authorization.openIdConnect) lines.push(`  OIDC:       ${authorization.openIdConnect.issuer}${authorization.openIdConnect.clientId ? ` (client ${authorization.openIdConnect.clientId})` : ''}`);
  return lines;
}
