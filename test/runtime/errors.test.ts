// util.error, util.appendError, util.unauthorized and runtime exceptions, as AppSync surfaces them
// (built-in-util-js.html, resolver-reference-overview-js.html).
import { describe, expect, test } from 'vitest';
import { evaluate, handlers, recordingDataSource, resolve } from './support.ts';

describe('errors', () => {
  test('util.error in a request handler: the data source is not called and the field gets the error', async () => {
    const dataSource = recordingDataSource();
    const { outcome } = await resolve({ code: handlers(`util.error('Not found', 'NotFound', { id: 1 }, { hint: 'x' });`), dataSource });
    expect(dataSource.requests).toEqual([]);
    expect(outcome.kind === 'error' && { ...outcome.error, message: outcome.error.message }).toMatchObject({
      message: 'Not found',
      errorType: 'NotFound',
      data: { id: 1 },
      errorInfo: { hint: 'x' },
    });
  });

  test('util.error in a pipeline function stops the pipeline: later functions and the resolver response do not run', async () => {
    const later = recordingDataSource();
    const { outcome } = await resolve({
      code: handlers(`return {};`, `return 'resolver response ran';`),
      functions: [{ code: handlers(`util.error('stop');`) }, { code: handlers(`return {};`), dataSource: later }],
    });
    expect(later.requests).toEqual([]);
    expect(outcome).toMatchObject({ kind: 'error', error: { message: 'stop' } });
  });

  test('util.appendError records the error and the handler goes on', async () => {
    const { outcome, invocation } = await resolve({ code: handlers(`util.appendError('careful', 'Warning'); return { ok: true };`, `return ctx.result;`) });
    expect(outcome).toMatchObject({ kind: 'value', value: { ok: true } });
    expect(invocation.errors).toEqual([{ message: 'careful', errorType: 'Warning', data: null, errorInfo: null }]);
  });

  test('util.error with a message that is not a string does nothing (aws-appsync-community#384)', () => {
    expect(evaluate(handlers(`util.error({ not: 'a string' }); return 'went on';`)).result).toBe('went on');
  });

  test('util.unauthorized: Unauthorized, "Not Authorized to access <field> on type <Type>"', () => {
    const output = evaluate(handlers(`util.unauthorized();`), 'request', { info: { fieldName: 'secret', parentTypeName: 'Query' } });
    expect(output.error).toEqual({ message: 'Not Authorized to access secret on type Query' });
  });

  // The column is where V8 places the failing access (the property name); AppSync's exact column is not recorded.
  test('a runtime exception becomes the error, prefixed with code.js:line:column', () => {
    expect(evaluate(handlers(`return ctx.args.missing.deeper;`)).error).toEqual({
      message: "code.js:4:27: Cannot read properties of undefined (reading 'deeper')",
    });
  });

  test('a runtime exception in a resolver has errorType Code', async () => {
    const { outcome } = await resolve({ code: handlers(`return ctx.args.missing.deeper;`) });
    expect(outcome).toMatchObject({ kind: 'error', error: { errorType: 'Code' } });
  });

  test('EvaluateCode returns appended errors as outErrors', () => {
    const output = evaluate(handlers(`util.appendError('careful', 'Warning'); return 1;`));
    expect(JSON.parse(output.outErrors!)).toEqual([{ message: 'careful', errorType: 'Warning', data: null, errorInfo: null }]);
  });
});
