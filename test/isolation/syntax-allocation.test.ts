// A value made at once by syntax (a spread, a string concatenation) or by one
// built-in call that copies or prints what it is given costs only its own request:
// each case doubles a value in a loop of fewer rounds than the clock checks (it
// checks every 128), or prints 2^27 parts of 27 nested arrays that share them, and
// would take gigabytes or minutes in one step. It ends with OutOfMemory, through a
// served API (another client sent alongside is answered, and one sent right after) and through
// evaluateCode (the evaluation after it runs as usual).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { evaluateCode } from '../../local/evaluate.ts';
import { startLocalAppSync, type LocalAppSync } from '../../local/server.ts';
import { graphql } from '../support/local-appsync.ts';
import { writeNoneApi } from '../support/none-api.ts';

/** `body` runs `rounds` times, doubling what it grows. */
const doubling = (start: string, rounds: number, body: string, payload: string) =>
  `${start}\n  for (const round of Array.from({ length: ${rounds} })) {\n    ${body}\n  }\n  return { payload: ${payload} };`;
/** `a`: 27 arrays, each holding the one before twice; 2^27 ones when printed or flattened. */
/** `s`: 2 M characters (a string that long is allowed; an object with a property per character, 2 M properties, is not). */
const LONG = `let s = 'x';\n  for (const round of Array.from({ length: 21 })) {\n    s = s + s;\n  }`;
/** `big`: a million elements made by `element`; then `copy` of it kept a hundred times. */
const copies = (element: string, copy: string) =>
  `const big = Array.from({ length: 1000000 }).map((x, i) => ${element});\n  const keep = [];\n  for (const round of Array.from({ length: 100 })) {\n    keep.push(${copy});\n  }\n  return { payload: keep.length };`;
const SHARED = `let a = [1];\n  for (const round of Array.from({ length: 27 })) {\n    a = [a, a];\n  }`;

const CASES: { name: string; request: string }[] = [
  // 17 elements: the last spread allowed (17 × 2^17, under 4 M) makes the smallest array past 4 M (spreading millions takes V8 seconds).
  { name: 'array spread doubling an array: a = [...a, ...a]', request: doubling('let a = Array.from({ length: 17 });', 40, 'a = [...a, ...a];', 'a.length') },
  { name: 'object spread of a long string: { ...s }', request: `${LONG}\n  const o = { ...s };\n  return { payload: o[0] === 'x' ? 1 : 0 };` },
  { name: 'string + doubling a string, then read: s = s + s', request: doubling(`let s = 'ab';`, 27, 's = s + s;', `s.indexOf('c')`) },
  { name: 'template literal doubling a string: s = `${s}${s}`', request: doubling(`let s = 'ab';`, 27, 's = `${s}${s}`;', `s.indexOf('c')`) },
  { name: 'Array.prototype.concat doubling an array', request: doubling('let a = [1];', 40, 'a = a.concat(a);', 'a.length') },
  { name: 'String.prototype.concat doubling a string', request: doubling(`let s = 'ab';`, 27, 's = s.concat(s);', `s.indexOf('c')`) },
  { name: 'Array.prototype.join doubling a string: s = [s, s].join("")', request: doubling(`let s = 'ab';`, 27, `s = [s, s].join('');`, 's.length') },
  { name: "String.prototype.replaceAll putting a string in place of each of its characters: s.replaceAll('a', s)", request: doubling(`let s = 'a';`, 14, 's = s + s;', `s.replaceAll('a', s).length`) },
  { name: 'Object.assign of a long string', request: `${LONG}\n  return { payload: Object.keys(Object.assign({}, s)).length };` },
  { name: 'JSON.stringify of nested shared arrays', request: `${SHARED}\n  return { payload: JSON.stringify(a).length };` },
  { name: 'String() of nested shared arrays', request: `${SHARED}\n  return { payload: String(a).length };` },
  { name: 'flat(Infinity) of nested shared arrays', request: `${SHARED}\n  return { payload: a.flat(Infinity).length };` },
  { name: 'nested shared arrays returned as the result', request: `${SHARED}\n  return { payload: a };` },
  // A million entries copied a hundred times: each copy is of an ordinary size, but the loop makes gigabytes between two clock checks.
  { name: 'new Map of a million entries, a hundred times over', request: copies('[i, i]', 'new Map(big)') },
  { name: 'new Set of a million values, a hundred times over', request: copies('i', 'new Set(big)') },
  { name: 'Object.fromEntries of a million entries, a hundred times over', request: copies("['k' + i, i]", 'Object.fromEntries(big)') },
];

const moduleOf = (request: string) => `export function request(ctx) {\n  ${request}\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n`;
const OK = moduleOf(`return { payload: 'ok' };`);

let server: LocalAppSync;

beforeAll(async () => {
  const resolvers: Record<string, string> = { 'Query.ok': OK };
  CASES.forEach((c, i) => (resolvers[`Query.c${i}`] = moduleOf(c.request)));
  const declaration = writeNoneApi({
    name: 'syntax-allocation',
    schema: `type Query {\n  ok: String\n${CASES.map((_, i) => `  c${i}: Int\n`).join('')}}\n`,
    resolvers,
    authorization: { default: 'API_KEY' },
  });
  server = await startLocalAppSync({ declaration, port: 0, host: '127.0.0.1', dataDir: null });
}, 120_000);
afterAll(() => server?.close());

describe.each(CASES.map((c, i) => ({ ...c, field: `c${i}` })))('through a served API: $name', ({ field }) => {
  test('ends with OutOfMemory; another client sent alongside is answered, and one sent right after', async () => {
    const hostile = graphql(server, `{ ${field} }`);
    const other = graphql(server, '{ ok }');
    expect((await other).body).toEqual({ data: { ok: 'ok' } });
    expect((await hostile).body).toEqual({
      data: { [field]: null },
      errors: [expect.objectContaining({ path: [field], errorType: 'OutOfMemory', message: 'Execution ran out of memory.' })],
    });
    expect((await graphql(server, '{ ok }')).body).toEqual({ data: { ok: 'ok' } });
  }, 120_000);
});

// After every served case: evaluateCode holds this thread, the served API's, while it runs.
describe.each(CASES)('through evaluateCode: $name', ({ request }) => {
  test('ends with OutOfMemory, and the next evaluation runs', () => {
    expect(evaluateCode({ code: moduleOf(request), function: 'request', context: {} })).toMatchObject({
      error: { message: 'Execution ran out of memory.' },
    });
    expect(evaluateCode({ code: OK, function: 'request', context: {} })).toMatchObject({ evaluationResult: '{"payload":"ok"}' });
  }, 120_000);
});

// What the measuring must not refuse: values copied many times over, as long as each is of an ordinary size.
const ORDINARY: { name: string; request: string; result: unknown }[] = [
  {
    name: 'items = [...items, item] over 3,000 items (4.5 M elements copied in all)',
    request: `let items = [];\n  for (const n of Array.from({ length: 3000 })) {\n    items = [...items, { n: items.length }];\n  }\n  return { count: items.length, last: items[2999].n };`,
    result: { count: 3000, last: 2999 },
  },
  {
    name: 'a string grown by s = s + part to 600,000 characters',
    request: `let s = '';\n  const part = 'abc';\n  for (const n of Array.from({ length: 200000 })) {\n    s = s + part;\n  }\n  return { length: s.length };`,
    result: { length: 600000 },
  },
  {
    name: 'template literals, concatenations and spreads keep their values',
    request: `const a = 'x', b = 2, list = [1, 2];\n  const o = { ...{ k: 1 }, m: 2 };\n  return [\`\${a}-\${b}\`, a + b, [...list, ...'ab'], o, Math.max(...list)];`,
    result: ['x-2', 'x2', [1, 2, 'a', 'b'], { k: 1, m: 2 }, 2],
  },
  {
    name: 'replace and replaceAll keep their values, $ patterns included',
    request: `return ['a-b-c'.replaceAll('-', '+'), 'abc'.replace('b', 'X'), 'a1b2'.replace(new RegExp('[0-9]', 'g'), '<$&>'), 'ab'.replace(new RegExp('(a)'), '$1$1')];`,
    result: ['a+b+c', 'aXc', 'a<1>b<2>', 'aab'],
  },
  {
    name: 'Map, Set and Object.fromEntries build as usual, a Map is still a Map',
    request: `const m = new Map([['a', 1]]);\n  const s = new Set('abca');\n  return [m.get('a'), m.constructor === Map, m.has('a'), [...s].join(''), Object.fromEntries([['k', 2]])];`,
    result: [1, true, true, 'abc', { k: 2 }],
  },
  {
    name: 'an array that holds itself joins as in V8: the cycle prints empty',
    request: `const a = [1];\n  a.push(a);\n  return { text: a.join('-') };`,
    result: { text: '1-' },
  },
];

describe.each(ORDINARY)('not refused: $name', ({ request, result }) => {
  test('evaluates to its value', () => {
    const output = evaluateCode({ code: moduleOf(request), function: 'request', context: {} });
    expect(output.error).toBeUndefined();
    expect(JSON.parse(output.evaluationResult!)).toEqual(result);
  });
});
