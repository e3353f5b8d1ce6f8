// Resolver code cannot reach Node: not through globals, not through the host's
// objects and functions it is given, not by running forever.
import { describe, expect, test } from 'vitest';
import { evaluate, handlers, valueOf } from './support.ts';

const CODE_GENERATION_REFUSED = /Code generation from strings disallowed for this context/;

describe('the sandbox', () => {
  test('ctx.constructor.constructor cannot compile code', () => {
    const output = evaluate(handlers(`return ctx.constructor.constructor('return process')();`));
    expect(output.error?.message).toMatch(CODE_GENERATION_REFUSED);
  });

  test('a util function is no way to the host Function', () => {
    const output = evaluate(handlers(`return util.error.constructor('return process')();`));
    expect(output.error?.message).toMatch(CODE_GENERATION_REFUSED);
  });

  test('what a util function returns is no way to the host Function', () => {
    const output = evaluate(handlers(`return ddb.get({ key: { id: 'a' } }).key.constructor.constructor('return process')();`));
    expect(output.error?.message).toMatch(CODE_GENERATION_REFUSED);
  });

  test('values in ctx are objects of the realm, not of the host', () => {
    expect(valueOf(`[ctx.args.list.constructor === Array, ctx.args.nested.constructor === Object, ctx.identity.constructor === Object]`, {
      arguments: { list: [1], nested: { a: 1 } },
      identity: { sub: 'x' },
    })).toEqual([true, true, true]);
  });

  test.each(['process', 'require', 'Buffer', 'fetch', 'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'global', 'module', 'eval', 'Proxy', 'Reflect', 'WebAssembly', 'Promise'])(
    '%s is not defined',
    (name) => {
      expect(valueOf(`typeof ${name}`)).toBe('undefined');
    },
  );

  test('Math offers only random, min, max, round, floor and ceil (supported-features.html)', () => {
    expect(valueOf(`Object.keys(Math).sort()`)).toEqual(['ceil', 'floor', 'max', 'min', 'random', 'round']);
  });

  test('JSON.parse answers invalid JSON with an empty string (supported-features.html)', () => {
    expect(valueOf(`JSON.parse('{not json')`)).toBe('');
  });

  test('Date has no setters, as the lint rules deny them', () => {
    expect(valueOf(`[typeof new Date(0).setFullYear, typeof new Date(0).toLocaleDateString, new Date(0).toISOString()]`)).toEqual([
      'undefined',
      'undefined',
      '1970-01-01T00:00:00.000Z',
    ]);
  });

  test('a handler that runs past the time limit fails with "Execution timed out."', () => {
    const output = evaluate(handlers(`const a = [1]; for (const x of a) { a.push(x); } return a.length;`), 'request', {}, { timeLimitMs: 50 });
    expect(output.error?.message).toBe('Execution timed out.');
  });

  test('a callback that never ends is stopped too', () => {
    const output = evaluate(handlers(`const a = [1]; a.forEach((x) => { for (const y of a) { a.push(y); } }); return 1;`), 'request', {}, { timeLimitMs: 50 });
    expect(output.error?.message).toBe('Execution timed out.');
  });

  test('module state does not leak between evaluations: each runs in a fresh realm', () => {
    const code = `let calls = 0;\nexport function request() { calls = calls + 1; return calls; }\nexport function response(ctx) { return ctx.result; }`;
    expect([evaluate(code).result, evaluate(code).result]).toEqual([1, 1]);
  });
});

describe('the sandbox, further', () => {
  test('resolver code cannot install a stack formatter to read CallSites', () => {
    const output = evaluate(handlers(`Error.prepareStackTrace = (e, frames) => frames; return 1;`));
    expect(output.error?.message).toMatch(/Cannot assign to read only property 'prepareStackTrace'/);
  });
});
