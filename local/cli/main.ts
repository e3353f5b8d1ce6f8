// `appsync-local <command>`: starts any AppSync API from its declaration.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ENGINE_KINDS, type EngineKind } from '../store/engines.ts';
import { parseIamUser, parseIamUsers, readIamUsersFile } from '../auth/iam.ts';
import { REQUEST_TIME_LIMIT_MS } from '../resolvers/request-state.ts';
import { parseUserSpec } from '../user-pool/users.ts';
import { evaluateCodeCommand } from './evaluate-code.ts';
import { evaluateMappingTemplateCommand } from './evaluate-mapping-template.ts';
import { serve } from './serve.ts';

const USAGE = `Usage: appsync-local serve <api.json | template.yaml | template.json | cdk.out | amplify/> [options]
       appsync-local evaluate-code --help   (one resolver handler, as aws appsync evaluate-code)
       appsync-local evaluate-mapping-template --help   (one VTL template, as aws appsync evaluate-mapping-template)

Runs an AppSync API on this machine: GraphQL over HTTP, the real-time
WebSocket endpoint, APPSYNC_JS resolvers, DynamoDB tables in an embedded store,
Lambda functions (Node.js) and HTTP data sources.

Serves the API of our api.json, of a CloudFormation template (JSON or YAML), of a
CDK cloud assembly folder (cdk.out, after \`cdk synth\`) or of an Amplify Gen 2
amplify/ folder (defineData, defineAuth: synthesised offline; amplify_outputs.json
written beside it).

Options:
  --stack <name>    the stack of a cloud assembly to serve, when it has several
  --parameter <Name=Value>
                    a template parameter (repeatable); the others take their defaults
  --api <name>      the API to serve (its Name or logical id), when there are several
  --port <n>        port for everything (default 4000, or $PORT)
  --host <addr>     address to listen on (default 0.0.0.0: phones on your network can reach it)
  --data <dir>      folder for the store and the API key (default .data)
  --in-memory       keep nothing on disk
  --web <dir>       also serve this built web app at /
  --outputs <file>  write the client configuration (amplify_outputs.json) there
  --seed <file>     on an empty store, run the GraphQL mutations in this file once
  --tls             also serve https:// and wss:// on the same port, with a certificate made
                    for this machine (kept in the data folder; printed: how to trust it)
  --engine <name>   DynamoDB engine: dynalite (default, embedded), dynamodb-local (the official
                    DynamoDB Local; needs Java 17+; has transactions) or endpoint (real DynamoDB
                    through the AWS credential chain and region, or --endpoint-url)
  --dynalite-in-process
                    with dynalite: keep the store on the server's thread instead of a thread of
                    its own (one core for everything; one flame graph for a profile)
  --endpoint-url <url>  with --engine endpoint: a DynamoDB-compatible store at this URL
  --region <name>   with --engine endpoint: the AWS region (default: from the AWS configuration)
  --users-file <file>
                    users of the API's local Cognito user pool (APIs with AMAZON_COGNITO_USER_POOLS),
                    one name:password[:group,group] a line (# comments); created, or given this
                    password and these groups, at every start. Keep it chmod 600.
                    Also read from $APPSYNC_LOCAL_USERS (the same lines).
  --user <name:password[:group,group]>
                    one such user; repeatable. Convenient, but a password on the command line is
                    readable by every user of this machine (ps, /proc/<pid>/cmdline): prefer the
                    file or the environment variable
  --iam <name:accessKeyId:secretAccessKey>
                    an IAM user whose SigV4-signed requests AWS_IAM accepts (APIs with AWS_IAM);
                    repeatable. A secret on the command line is visible to other local users
                    (ps, /proc): prefer --iam-file or $APPSYNC_LOCAL_IAM_USERS
  --iam-file <file> IAM users, one name:accessKeyId:secretAccessKey a line
  --http-endpoint <DataSourceName=url>
                    call this URL instead of the endpoint an HTTP data source declares (repeatable):
                    run against a local stand-in or a staging copy of a service, so a local run
                    neither depends on nor writes to the real one; the resolver code is unchanged
  --execution-timeout <seconds>
                    stop a request's resolvers after this long with "Execution timed out." (default
                    and most: 30, AppSync's request limit); lower it to try a runaway resolver quickly
  --realtime-workers <n>
                    serve the real-time sockets from n worker processes that accept on the port, so a
                    publish's writes use more than one core (default 1: every socket in this process)
Environment:
  APPSYNC_LOCAL_IAM_USERS  IAM users, name:accessKeyId:secretAccessKey, separated by commas or lines
`;

/** Users, one a line: name:password[:group,group]; blank lines and # comments skipped. */
function userLines(text: string, source: string) {
  return text
    .split(/\r?\n/)
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line && !line.startsWith('#'))
    .map(({ line, number }) => {
      try {
        return parseUserSpec(line);
      } catch {
        // The line is not shown: it holds a password.
        throw new Error(`${source}, line ${number}: expected name:password or name:password:group,group`);
      }
    });
}

/** The users from --users-file, $APPSYNC_LOCAL_USERS and --user, in that order (a later one wins). */
function usersOf(file: string | undefined, flags: string[]) {
  const users = [];
  if (file) {
    // Others can read a file the owner's umask left open: said, without what it holds.
    if (process.platform !== 'win32' && statSync(file).mode & 0o077) {
      process.stderr.write(`appsync-local: ${file} can be read by other users of this machine; chmod 600 ${file}\n`);
    }
    users.push(...userLines(readFileSync(file, 'utf8'), file));
  }
  if (process.env.APPSYNC_LOCAL_USERS) users.push(...userLines(process.env.APPSYNC_LOCAL_USERS, '$APPSYNC_LOCAL_USERS'));
  for (const flag of flags) {
    try {
      users.push(parseUserSpec(flag));
    } catch {
      throw new Error(`--user ${JSON.stringify(flag.split(':')[0])}:…: expected name:password or name:password:group,group`);
    }
  }
  return users;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'evaluate-code') return evaluateCodeCommand(rest);
  if (command === 'evaluate-mapping-template') return evaluateMappingTemplateCommand(rest);
  if (command !== 'serve') {
    process.stderr.write(command && command !== '--help' && command !== '-h' ? `Unknown command: ${command}\n\n${USAGE}` : USAGE);
    return command && command !== '--help' && command !== '-h' ? 2 : 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        'in-memory': { type: 'boolean' },
        web: { type: 'string' },
        outputs: { type: 'string' },
        seed: { type: 'string' },
        tls: { type: 'boolean' },
        engine: { type: 'string' },
        'dynalite-in-process': { type: 'boolean' },
        'endpoint-url': { type: 'string' },
        region: { type: 'string' },
        user: { type: 'string', multiple: true },
        iam: { type: 'string', multiple: true },
        'iam-file': { type: 'string' },
        stack: { type: 'string' },
        parameter: { type: 'string', multiple: true },
        api: { type: 'string' },
        'users-file': { type: 'string' },
        'http-endpoint': { type: 'string', multiple: true },
        'execution-timeout': { type: 'string' },
        'realtime-workers': { type: 'string' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const declaration = parsed.positionals[0];
  if (!declaration) {
    process.stderr.write(USAGE);
    return 2;
  }
  const port = Number(parsed.values.port ?? process.env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`Invalid port: ${parsed.values.port ?? process.env.PORT}\n`);
    return 2;
  }
  const engine = parsed.values.engine ?? 'dynalite';
  if (!(ENGINE_KINDS as readonly string[]).includes(engine)) {
    process.stderr.write(`Unknown engine: ${engine}. Choose one of: ${ENGINE_KINDS.join(', ')}\n`);
    return 2;
  }
  let users, iamUsers;
  try {
    users = usersOf(parsed.values['users-file'], parsed.values.user ?? []);
    iamUsers = [
      ...(parsed.values.iam ?? []).map(parseIamUser),
      ...(parsed.values['iam-file'] ? readIamUsersFile(parsed.values['iam-file']) : []),
      ...parseIamUsers(process.env.APPSYNC_LOCAL_IAM_USERS ?? ''),
    ];
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    return 2;
  }
  const parameters: Record<string, string> = {};
  for (const pair of parsed.values.parameter ?? []) {
    const equals = pair.indexOf('=');
    if (equals < 1) {
      process.stderr.write(`Invalid --parameter ${pair}: give it as Name=Value\n`);
      return 2;
    }
    parameters[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  const httpEndpoints: Record<string, string> = {};
  for (const pair of parsed.values['http-endpoint'] ?? []) {
    const equals = pair.indexOf('=');
    const url = equals > 0 ? URL.parse(pair.slice(equals + 1)) : null;
    if (!url || !/^https?:$/.test(url.protocol)) {
      process.stderr.write(`Invalid --http-endpoint ${pair}: give it as DataSourceName=http(s)://host[:port]\n`);
      return 2;
    }
    httpEndpoints[pair.slice(0, equals)] = url.origin;
  }
  const timeout = parsed.values['execution-timeout'];
  const executionTimeoutMs = timeout === undefined ? undefined : Number(timeout) * 1000;
  if (executionTimeoutMs !== undefined && !(executionTimeoutMs > 0 && executionTimeoutMs <= REQUEST_TIME_LIMIT_MS)) {
    process.stderr.write(`Invalid --execution-timeout ${timeout}: give seconds, more than 0 and at most ${REQUEST_TIME_LIMIT_MS / 1000} (AppSync's limit)\n`);
    return 2;
  }
  const workers = Number(parsed.values['realtime-workers'] ?? 1);
  if (!Number.isInteger(workers) || workers < 1) {
    process.stderr.write(`Invalid --realtime-workers ${parsed.values['realtime-workers']}: give a whole number, 1 or more\n`);
    return 2;
  }
  return serve({
    realtime: { workers },
    executionTimeoutMs,
    httpEndpoints,
    source: {
      stack: parsed.values.stack,
      api: parsed.values.api,
      parameters: parsed.values.parameter ? parameters : undefined,
    },
    users,
    iamUsers,
    engine:
      engine === 'endpoint'
        ? { kind: 'endpoint', url: parsed.values['endpoint-url'], region: parsed.values.region }
        : engine === 'dynalite' && parsed.values['dynalite-in-process']
          ? { kind: 'dynalite', inProcess: true }
          : (engine as EngineKind),
    declaration,
    port,
    host: parsed.values.host ?? '0.0.0.0',
    dataDir: parsed.values['in-memory'] ? null : (parsed.values.data ?? '.data'),
    webRoot: parsed.values.web,
    outputs: parsed.values.outputs,
    tls: parsed.values.tls,
    seed: parsed.values.seed,
  });
}
