// Code is validated when it is loaded, as AppSync validates it when it is saved:
// a bad resolver stops the API from starting, and every error names its place.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createApi } from '../../local/api.ts';
import { bundleApi, bundleCodeWithMap } from '../../local/declaration/bundle.ts';
import { loadDeclaration, parseDeclaration } from '../../local/declaration/declaration.ts';
import type { DynamoDbEngine } from '../../local/store/engine.ts';
import { CodeValidationError, MAX_CODE_LENGTH, validateCode, validateModules } from '../../local/runtime/validation/index.ts';
import { handlers } from './support.ts';

const errorsOf = (code: string) => validateCode({ code, name: 'code.js' });
const valuesOf = (code: string) => errorsOf(code).map((e) => e.value);
const rulesOf = (code: string) => errorsOf(code).map((e) => e.ruleId);

describe('validation', () => {
  test("HandsUp's own resolvers and functions pass", () => {
    const bundles = bundleApi(loadDeclaration('api.json'));
    const results = validateModules([...bundles.byFile].map(([file, code]) => ({ code, name: file })));
    expect(results.flat()).toEqual([]);
    // The first lint of a process loads ESLint and TypeScript's lib files: seconds on a busy machine.
  }, 120_000);

  test('a parse error is a PARSER_ERROR, worded as in API_CodeError.html ("Parsing error: Unterminated string literal.")', () => {
    const [error] = errorsOf(`export function request(ctx) {\n  return 'abc;\n}\nexport function response(ctx) { return ctx.result; }`);
    expect(error).toMatchObject({ errorType: 'PARSER_ERROR', value: 'Parsing error: Unterminated string literal.', location: { line: 2 } });
  });

  test('throw is rejected, with its line and column (the plugin has no rule for it)', () => {
    const [error] = errorsOf(handlers(`throw new Error('no');`));
    expect(error).toMatchObject({ errorType: 'LINT_ERROR', ruleId: 'appsync-local/no-throw', location: { line: 4, column: 3 } });
  });

  test('code longer than 32,768 characters is refused with the API length constraint', () => {
    const code = handlers(`return '${'x'.repeat(MAX_CODE_LENGTH)}';`);
    expect(valuesOf(code)).toEqual([
      "1 validation error detected: Value at 'code' failed to satisfy constraint: Member must have length less than or equal to 32768",
    ]);
  });

  test('code of exactly 32,768 characters is accepted', () => {
    const base = handlers(`return '';`);
    const code = base.replace(`return '';`, `return '${'x'.repeat(MAX_CODE_LENGTH - base.length)}';`);
    expect(code.length).toBe(MAX_CODE_LENGTH);
    expect(errorsOf(code)).toEqual([]);
  });

  test('importing another package is refused: it must be bundled in', () => {
    expect(valuesOf(`import _ from 'lodash';\n${handlers('return 1;')}`)).toEqual([
      'cannot import lodash: the runtime provides only @aws-appsync/utils and its entries; bundle other code into the module',
    ]);
  });

  test.each(['@aws-appsync/utils/rds', '@aws-appsync/utils/ai'])('importing %s says it is not supported locally', (name) => {
    expect(valuesOf(`import * as x from '${name}';\n${handlers('return 1;')}`)).toEqual([
      `${name} is not supported locally: the local AppSync implements @aws-appsync/utils and @aws-appsync/utils/dynamodb`,
    ]);
  });

  test('dynamic import() is refused', () => {
    expect(rulesOf(handlers(`return import('fs');`))).toContain('appsync-local/no-dynamic-import');
  });

  test('a module must export both request and response', () => {
    expect(valuesOf(`export function request(ctx) { return {}; }`)).toEqual(['the module must export a response function']);
  });

  test('handlers exported as const arrow functions are accepted (resolver-reference-overview-js.html)', () => {
    expect(errorsOf(`export const request = (ctx) => ({});\nexport const response = (ctx) => ctx.result;`)).toEqual([]);
  });

  test('a sort comparator is refused with no-function-passing, as AppSync does (aws-appsync-community#325)', () => {
    expect(valuesOf(handlers(`const s = [3, 1]; s.sort((a, b) => a - b); return s;`))).toEqual(['Functions can not be passed as an argument']);
  });

  test('recursion is refused (type-aware no-recursion)', () => {
    const code = `function f(n) { return n ? f(n - 1) : 0; }\nexport function request(ctx) { return f(3); }\nexport function response(ctx) { return ctx.result; }`;
    expect(rulesOf(code)).toContain('@aws-appsync/no-recursion');
  });

  test('a denied built-in method is refused (type-aware no-disallowed-methods)', () => {
    expect(valuesOf(handlers(`return 'a'.padStart(3);`))).toEqual(['Method String.padStart is not implemented']);
  });

  test.each([
    ['for (;;)', `for (let i = 0; i < 1; i = i + 1) {} return 1;`, '@aws-appsync/no-for'],
    ['while', `while (false) {} return 1;`, '@aws-appsync/no-while'],
    ['do…while', `do {} while (false); return 1;`, '@aws-appsync/no-while'],
    ['try/catch', `try { return 1; } catch (e) { return 2; }`, '@aws-appsync/no-try'],
    ['continue', `for (const x of [1]) { continue; } return 1;`, '@aws-appsync/no-continue'],
    ['a label', `outer: for (const x of [1]) { break outer; } return 1;`, '@aws-appsync/no-labels'],
    ['++', `let i = 0; i++; return i;`, '@aws-appsync/no-disallowed-unary-operators'],
    ['~', `return ~1;`, '@aws-appsync/no-disallowed-unary-operators'],
    ['in', `return 'a' in ctx;`, '@aws-appsync/no-in-operator'],
    ['instanceof', `return ctx instanceof Object;`, '@aws-appsync/no-disallowed-binary-operators'],
    ['a regex literal', `return /a/.test('a');`, '@aws-appsync/no-regex'],
    ['this', `return this;`, '@aws-appsync/no-this'],
    ['new Promise', `return new Promise(() => 1);`, '@aws-appsync/no-promise'],
    ['a class', `class A {} return 1;`, '@aws-appsync/no-classes'],
  ])('%s is refused', (_, body, rule) => {
    expect(rulesOf(handlers(body))).toContain(rule);
  });

  test('async functions are refused', () => {
    expect(rulesOf(`export async function request(ctx) { return 1; }\nexport function response(ctx) { return ctx.result; }`)).toContain('@aws-appsync/no-async');
  });

  test('reassigning a direct property of ctx is refused, a stash key is not', () => {
    expect(rulesOf(handlers(`ctx.args = {}; return 1;`))).toContain('@aws-appsync/no-disallowed-re-assignment');
    expect(errorsOf(handlers(`ctx.stash.x = 1; return 1;`))).toEqual([]);
  });

  test('an error in a TypeScript resolver names the .ts file, line and column through the bundle source map', () => {
    const dir = mkdtempSync(join(tmpdir(), 'appsync-validation-'));
    const file = join(dir, 'Query.bad.ts');
    writeFileSync(file, `import type { Context } from '@aws-appsync/utils';\n\nexport function request(ctx: Context) {\n  if (!ctx.args.id) throw new Error('no id');\n  return {};\n}\nexport function response(ctx: Context) {\n  return ctx.result;\n}\n`);
    const { code, map } = bundleCodeWithMap(file);
    const [error] = validateCode({ code, map, name: file });
    expect(error?.source).toMatchObject({ file: expect.stringMatching(/Query\.bad\.ts$/), line: 4, column: 21 });
  });

  test('a bad resolver stops the API from starting, with every error listed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'appsync-api-'));
    writeFileSync(join(dir, 'schema.graphql'), 'type Query { hello: String }');
    writeFileSync(join(dir, 'Query.hello.js'), handlers(`throw new Error('x');`));
    const declaration = parseDeclaration(
      {
        name: 'bad',
        schema: 'schema.graphql',
        authorization: { default: 'API_KEY' },
        dataSources: { none: { type: 'NONE' } },
        resolvers: { 'Query.hello': { dataSource: 'none', code: 'Query.hello.js' } },
      },
      join(dir, 'api.json'),
    );
    const start = () => createApi(declaration, {} as DynamoDbEngine);
    expect(start).toThrow(CodeValidationError);
    expect(start).toThrow(/Query\.hello\.js:4:3: throw is not supported: use util\.error\(\) or util\.appendError\(\) \(appsync-local\/no-throw\)/);
  });
});
