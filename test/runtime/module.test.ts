// How a module is loaded: the export forms AppSync accepts, top-level helpers, and
// positions in the TypeScript source when the code was bundled from it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { evaluateFile } from '../../local/evaluate.ts';
import { evaluate } from './support.ts';

describe('modules', () => {
  test('handlers exported by name from a list run', () => {
    const code = `function handle(ctx) { return { got: ctx.args.x }; }\nconst pass = (ctx) => ctx.result;\nexport { handle as request, pass as response };`;
    expect(evaluate(code, 'request', { arguments: { x: 1 } }).result).toEqual({ got: 1 });
  });

  test('top-level helper code runs once, before the handlers', () => {
    const code = `const PREFIX = ['a', 'b'].map((s) => s.toUpperCase()).join('');\nexport const request = (ctx) => PREFIX + ctx.args.id;\nexport const response = (ctx) => ctx.result;`;
    expect(evaluate(code, 'request', { arguments: { id: '1' } }).result).toBe('AB1');
  });

  test('util, extensions and runtime are there without an import', () => {
    const code = `export function request(ctx) { return [typeof util.autoId, typeof extensions.setSubscriptionFilter, typeof runtime.earlyReturn]; }\nexport function response(ctx) { return ctx.result; }`;
    expect(evaluate(code).result).toEqual(['function', 'function', 'function']);
  });

  test('a resolver written in TypeScript reports its logs and runtime errors at its own lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'appsync-module-'));
    const file = join(dir, 'Query.item.ts');
    writeFileSync(
      file,
      `import type { Context } from '@aws-appsync/utils';\n\ntype Args = { id: string };\n\nexport function request(ctx: Context<Args>) {\n  console.log('id', ctx.args.id);\n  const missing = (ctx.args as any).nothing;\n  return missing.deeper;\n}\n\nexport function response(ctx: Context) {\n  return ctx.result;\n}\n`,
    );
    const output = evaluateFile({ file, function: 'request', context: { arguments: { id: 'i1' } } });
    expect(output.logs).toEqual([expect.stringMatching(/^INFO - .*Query\.item\.ts:6:3: "id" "i1"$/)]);
    expect(output.error?.message).toMatch(/Query\.item\.ts:8:\d+: Cannot read properties of undefined \(reading 'deeper'\)$/);
  });
});
