// Every escape attempt of cases.ts through EvaluateCode (the `appsync-local
// evaluate-code` CLI runs this same function): it fails with a clear error or
// gets nothing of the host, and the next evaluation runs as usual.
import { describe, expect, test } from 'vitest';
import { evaluateCode } from '../../../local/evaluate.ts';
import { CodeLoadError, createRealm, loadCode } from '../../../local/runtime/sandbox.ts';
import { caseModule, ESCAPE_CASES } from './cases.ts';

const NORMAL = `export function request(ctx) {\n  return { id: ctx.args.id };\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n`;

function expectNormalEvaluation() {
  expect(evaluateCode({ code: NORMAL, function: 'request', context: { arguments: { id: 'n1' } } })).toMatchObject({ evaluationResult: '{"id":"n1"}' });
}

const HOST_PATH = /\/work\/|node_modules|node:|\.ts:/;

describe.each(ESCAPE_CASES)('escape through evaluateCode: $name', (c) => {
  test('fails or gets nothing of the host, and the next evaluation runs', () => {
    const output = evaluateCode({
      code: caseModule(c),
      function: c.handler ?? 'request',
      context: { arguments: { id: 'a' }, result: { a: [1] }, request: { headers: { host: 'x' } }, env: { A: 'b' } },
    });
    if (c.refused === 'validation') {
      expect(output.error?.message).toBe('The code contains one or more errors.');
      expect(output.error?.codeErrors?.map((e) => e.value).join('\n')).toMatch((c.expect as { error: RegExp }).error);
    } else if ('error' in c.expect) {
      expect(output.evaluationResult).toBeUndefined();
      expect(output.error?.message).toMatch(c.expect.error);
    } else {
      expect(output.error).toBeUndefined();
      expect(JSON.parse(output.evaluationResult!)).toEqual(c.expect.value);
    }
    expect(JSON.stringify(output)).not.toMatch(HOST_PATH);
    expectNormalEvaluation();
  });
});

describe('what validation refuses is refused by the runtime too, whatever loads the code', () => {
  test.each(ESCAPE_CASES.filter((c) => c.refused))('$name', (c) => {
    expect(() => loadCode(createRealm(), caseModule(c), 'attempt.js')).toThrow(CodeLoadError);
  });
});
