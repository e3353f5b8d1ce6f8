// `appsync-local serve --execution-timeout <seconds>`: a request's resolvers stop
// sooner than AppSync's 30 s, so a runaway is tried in seconds; the limit can be
// lowered, never raised past AppSync's.
import { describe, expect, it } from 'vitest';
import { writeNoneApi } from '../support/none-api.ts';
import { serveCli } from '../support/serve-cli.ts';

const declaration = writeNoneApi({
  name: 'execution-timeout',
  schema: 'type Query { spin: String ok: String }\n',
  resolvers: {
    // 10^15 rounds over a small array, without allocating: it runs until the time limit.
    'Query.spin':
      'export function request(ctx) {\n  const row = Array(100000).fill(0);\n  for (const a of row) { for (const b of row) { for (const c of row) { row[0] = a + b + c; } } }\n  return {};\n}\n' +
      'export function response(ctx) {\n  return ctx.result;\n}\n',
    'Query.ok': "export function request(ctx) {\n  return { payload: 'ok' };\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n",
  },
  authorization: { default: 'API_KEY' },
});

const serve = (args: string[]) => serveCli(declaration, args);

describe.concurrent('appsync-local serve --execution-timeout', () => {
  it('stops a resolver that loops forever after the seconds given, says so at start, and serves the next request', async () => {
    const { child, started, exited } = serve(['--execution-timeout', '1.5']);
    try {
      const output = await started;
      expect(output).toContain('Resolvers stop after 1.5 s (--execution-timeout; AppSync: 30 s)');
      const url = /GraphQL:\s+(\S+)/.exec(output)![1]!;
      const apiKey = /API key:\s+(\S+)/.exec(output)![1]!;
      const ask = async (query: string) =>
        (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': apiKey }, body: JSON.stringify({ query }) })).json();
      expect(await ask('{ spin }')).toEqual({
        data: { spin: null },
        errors: [expect.objectContaining({ path: ['spin'], errorType: 'ExecutionTimeout', message: 'Execution timed out.' })],
      });
      expect(await ask('{ ok }')).toEqual({ data: { ok: 'ok' } });
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 120_000);

  it('refuses a limit above AppSync’s 30 s', async () => {
    const { exited } = serve(['--execution-timeout', '45']);
    expect(await exited).toEqual({ code: 2, output: "Invalid --execution-timeout 45: give seconds, more than 0 and at most 30 (AppSync's limit)\n" });
  }, 120_000);

  it('refuses a limit that is not a number of seconds above 0', async () => {
    const { exited } = serve(['--execution-timeout', 'soon']);
    expect(await exited).toEqual({ code: 2, output: "Invalid --execution-timeout soon: give seconds, more than 0 and at most 30 (AppSync's limit)\n" });
  }, 120_000);
});
