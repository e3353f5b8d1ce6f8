// A deployed function's handler is loaded as Lambda's Node.js runtime loads it: an ES
// module (`.mjs`, top-level await and all, as Amplify Gen 2's defineFunction bundles
// it) through import(), CommonJS through require().
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalLambdaFunction } from '../../local/functions/runner.ts';

const dir = mkdtempSync(join(tmpdir(), 'lambda-modules-'));
writeFileSync(join(dir, 'index.mjs'), "const greeting = await Promise.resolve('Hello');\nexport const handler = async (event) => `${greeting}, ${event.name}!`;\n");
writeFileSync(join(dir, 'index.cjs'), "exports.handler = async (event) => `Hi, ${event.name}!`;\n");
const functions: LocalLambdaFunction[] = [];
const deployed = (file: string) => {
  const fn = new LocalLambdaFunction(file, { handler: `${join(dir, file)}#handler`, asDeployed: true, timeout: 3, memorySize: 128, environment: {} });
  functions.push(fn);
  return fn;
};
afterAll(() => Promise.all(functions.map((fn) => fn.close())));

describe('a deployed handler', () => {
  it('runs as an ES module with top-level await', async () => {
    expect(await deployed('index.mjs').invoke({ name: 'Ada' })).toEqual({ ok: true, result: 'Hello, Ada!' });
  });

  it('runs as CommonJS', async () => {
    expect(await deployed('index.cjs').invoke({ name: 'Ada' })).toEqual({ ok: true, result: 'Hi, Ada!' });
  });
});
