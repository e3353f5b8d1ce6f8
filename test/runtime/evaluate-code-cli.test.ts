// `appsync-local evaluate-code` prints what `aws appsync evaluate-code` prints.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { validateCode } from '../../local/runtime/validation/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'evaluate-code-'));
writeFileSync(join(dir, 'code.js'), `export function request(ctx) {\n  console.log('id', ctx.args.id);\n  return { id: ctx.args.id };\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n`);
writeFileSync(join(dir, 'context.json'), JSON.stringify({ arguments: { id: 'a1' } }));

// Each run starts a process that loads the runtime: slow on a busy machine, so these tests get more time.
const SLOW = 120_000;

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['local/bin/appsync-local.js', 'evaluate-code', ...args], { encoding: 'utf8' });

describe('appsync-local evaluate-code', () => {
  // Lint verdicts are cached by code: validating here spares the child process TypeScript's start-up.
  beforeAll(() => {
    validateCode({ code: readFileSync(join(dir, 'code.js'), 'utf8'), name: 'code.js' });
  }, SLOW);

  test('prints evaluationResult, logs and stash as JSON', () => {
    const run = cli('--runtime', 'name=APPSYNC_JS,runtimeVersion=1.0.0', '--code', `file://${dir}/code.js`, '--function', 'request', '--context', `file://${dir}/context.json`);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ evaluationResult: '{"id":"a1"}', logs: ['INFO - code.js:2:3: "id" "a1"'], stash: '{}' });
  }, SLOW);

  test('refuses another runtime as the service does, with the AWS CLI exit code 254', () => {
    const run = cli('--runtime', 'name=APPSYNC_JS,runtimeVersion=9.9.9', '--code', `file://${dir}/code.js`, '--context', '{}');
    expect(run.status).toBe(254);
    expect(run.stderr).toMatch(/An error occurred \(BadRequestException\) when calling the EvaluateCode operation/);
  }, SLOW);

  test('a missing required flag is a usage error, exit code 252', () => {
    const run = cli('--code', `file://${dir}/code.js`);
    expect(run.status).toBe(252);
    expect(run.stderr).toMatch(/the following arguments are required: --runtime, --context/);
  }, SLOW);
});
