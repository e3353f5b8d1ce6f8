// `appsync-local evaluate-mapping-template` prints what `aws appsync evaluate-mapping-template` prints.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'evaluate-mapping-template-'));
writeFileSync(join(dir, 'request.vtl'), '{\n  "version": "2018-05-29",\n  "operation": "GetItem",\n  "key": { "id": $util.dynamodb.toDynamoDBJson($ctx.args.id) }\n}\n');
writeFileSync(join(dir, 'context.json'), JSON.stringify({ arguments: { id: 'a1' } }));

// Each run starts a process that loads the engine: slow on a busy machine.
const SLOW = 60_000;
const cli = (...args: string[]) => spawnSync(process.execPath, ['local/bin/appsync-local.js', 'evaluate-mapping-template', ...args], { encoding: 'utf8' });

describe('appsync-local evaluate-mapping-template', () => {
  test('prints evaluationResult (the rendered text), logs and stash as JSON', () => {
    const run = cli('--template', `file://${dir}/request.vtl`, '--context', `file://${dir}/context.json`);
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(JSON.parse(output.evaluationResult)).toEqual({ version: '2018-05-29', operation: 'GetItem', key: { id: { S: 'a1' } } });
    expect(output).toMatchObject({ logs: [], stash: '{}' });
  }, SLOW);

  test('$util.error in the template is error.message, exit code 0 as the AWS CLI', () => {
    const run = cli('--template', '$util.error("Nope")', '--context', '{}');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ error: { message: 'Nope' }, logs: [], stash: '{}' });
  }, SLOW);

  test('a context that is not JSON is refused as the service refuses it, exit code 254', () => {
    const run = cli('--template', '{}', '--context', 'not json');
    expect(run.status).toBe(254);
    expect(run.stderr).toMatch(/An error occurred \(BadRequestException\) when calling the EvaluateMappingTemplate operation/);
  }, SLOW);

  test('a missing required flag is a usage error, exit code 252', () => {
    const run = cli('--template', '{}');
    expect(run.status).toBe(252);
    expect(run.stderr).toMatch(/the following arguments are required: --context/);
  }, SLOW);
});
