// `appsync-local serve <template>` as a user runs it: --parameter, and the start-up
// lines that list what is not supported, naming each field.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function serve(args: string[]): Promise<{ output: string; code: number | null }> {
  const child = spawn(process.execPath, ['local/bin/appsync-local.js', 'serve', ...args, '--port', '0', '--host', '127.0.0.1', '--in-memory'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve) => {
    const collect = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('Press Ctrl-C')) child.kill('SIGTERM');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('exit', (code) => resolve({ output, code }));
  });
}

// Each test starts a process of its own (slow to start on a busy machine): they run side by side.
describe.concurrent('appsync-local serve <template>', () => {
  it('serves the template with --parameter applied, every field of it (VTL and Lambda included)', async () => {
    const { output } = await serve(['test/templates/fixtures/todo-api/template.yaml', '--parameter', 'Stage=prod']);
    expect(output).toContain('SimpleTodoAPI-prod is running on the local AppSync');
    expect(output).not.toContain('Not supported locally');
  }, 60_000);

  it('refuses a parameter the template does not have, naming it', async () => {
    const { output, code } = await serve(['test/templates/fixtures/todo-api/template.yaml', '--parameter', 'Colour=blue']);
    expect(code).toBe(1);
    expect(output).toMatch(/appsync-local: .*template\.yaml: the stack todo-api has no parameter Colour/);
  }, 60_000);

  it('refuses a --parameter that is not Name=Value', async () => {
    const { output, code } = await serve(['test/templates/fixtures/todo-api/template.yaml', '--parameter', 'Stage']);
    expect([code, output]).toEqual([2, 'Invalid --parameter Stage: give it as Name=Value\n']);
  }, 60_000);
});
