// `appsync-local <command>`: starts any AppSync API from its declaration.
import { parseArgs } from 'node:util';
import { serve } from './serve.ts';

const USAGE = `Usage: appsync-local serve <declaration.json> [options]

Runs an AppSync API on this machine: GraphQL over HTTP, the real-time
WebSocket endpoint, APPSYNC_JS resolvers and DynamoDB tables in an embedded store.

Options:
  --port <n>        port for everything (default 4000, or $PORT)
  --host <addr>     address to listen on (default 0.0.0.0: phones on your network can reach it)
  --data <dir>      folder for the store and the API key (default .data)
  --in-memory       keep nothing on disk
  --web <dir>       also serve this built web app at /
  --outputs <file>  write the client configuration (amplify_outputs.json) there
  --seed <file>     on an empty store, run the GraphQL mutations in this file once
`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
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
  return serve({
    declaration,
    port,
    host: parsed.values.host ?? '0.0.0.0',
    dataDir: parsed.values['in-memory'] ? null : (parsed.values.data ?? '.data'),
    webRoot: parsed.values.web,
    outputs: parsed.values.outputs,
    seed: parsed.values.seed,
  });
}
