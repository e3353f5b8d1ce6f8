// `appsync-local serve <declaration> --in-memory …` as a child process, for specs of a serve flag:
// `started` resolves with the output once it serves, `exited` with its exit code and output.
import { spawn } from 'node:child_process';

export function serveCli(declaration: string, args: string[]) {
  const child = spawn(process.execPath, ['local/bin/appsync-local.js', 'serve', declaration, '--port', '0', '--host', '127.0.0.1', '--in-memory', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<{ code: number | null; output: string }>((resolve) => child.once('exit', (code) => resolve({ code, output })));
  const started = new Promise<string>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Press Ctrl-C')) resolve(output);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    void exited.then(() => reject(new Error(`serve exited before it was up:\n${output}`)));
  });
  started.catch(() => {}); // awaited only by the specs that expect it to start
  return { child, started, exited };
}
