// Module-level state lasts one request (as in AppSync): every request starts from the module's
// top level. A module whose top level holds nothing a request could change is evaluated once
// and its handlers serve every request (local/runtime/module-state.ts); every other one is
// evaluated again for each request. Each stateful form below would leak one request's state
// into the next if it were taken for inert.
import { describe, expect, test } from 'vitest';
import { handlersFor, createRealm, loadCode } from '../../local/runtime/sandbox.ts';
import { newInvocation } from '../../local/runtime/invocation.ts';
import { runHandler } from '../../local/runtime/handler.ts';

const realm = createRealm();
const pass = `export function response(ctx) { return ctx.result; }\n`;

/** What the module's request handler returns in each of two requests, each with its own request object. */
function twoRequests(code: string): unknown[] {
  const module = loadCode(realm, code + pass, 'state.js');
  return [{}, {}].map((request) => {
    const invocation = newInvocation({ typeName: 'Query', fieldName: 'state', request });
    const outcome = runHandler(module, 'request', { arguments: {}, args: {}, stash: {}, prev: { result: null } } as never, invocation);
    if (outcome.kind !== 'value') throw new Error(JSON.stringify(outcome));
    return outcome.value;
  });
}

/** Whether two requests are given the very same handlers (the module was evaluated once for both). */
function sharedAcrossRequests(code: string): boolean {
  const module = loadCode(realm, code + pass, 'state.js');
  return handlersFor(module, {}) === handlersFor(module, {});
}

describe('a module whose top level a request could change starts fresh in every request', () => {
  test.each([
    ['a binding assigned', `let n = 0;\nexport function request(ctx) { n = n + 1; return n; }\n`],
    ['a binding updated', `let n = 0;\nexport function request(ctx) { n++; return n; }\n`],
    ['a binding assigned through a pattern', `let n = 0;\nexport function request(ctx) { [n] = [n + 1]; return n; }\n`],
    ['an array changed in place', `const seen = [];\nexport function request(ctx) { seen.push(1); return seen.length; }\n`],
    ['an object changed in place', `const counts = { n: 0 };\nexport function request(ctx) { counts.n += 1; return counts.n; }\n`],
    ['a property set on a function', `function helper() {}\nexport function request(ctx) { helper.n = (helper.n || 0) + 1; return helper.n; }\n`],
    ['a function handed on as a value', `function helper() {}\nfunction bump(f) { f.n = (f.n || 0) + 1; return f.n; }\nexport function request(ctx) { return bump(helper); }\n`],
    ['a function reached through an object literal', `function helper() {}\nexport function request(ctx) { const o = { helper }; o.helper.n = (o.helper.n || 0) + 1; return o.helper.n; }\n`],
    ['a function expression that names itself', `const helper = function self() { self.n = (self.n || 0) + 1; return self.n; };\nexport function request(ctx) { return helper(); }\n`],
    ['a regular expression with lastIndex', `const re = /a/g;\nexport function request(ctx) { re.test('aaa'); return re.lastIndex; }\n`],
    ['a value the top level computes', `const list = [].concat([]);\nexport function request(ctx) { list.push(1); return list.length; }\n`],
    ['the top level\'s arguments', `const args = () => arguments;\nexport function request(ctx) { const a = args(); a.n = (a.n || 0) + 1; return a.n; }\n`],
  ])('%s', (_, code) => {
    expect(sharedAcrossRequests(code)).toBe(false);
    expect(twoRequests(code)).toEqual([1, 1]);
  });
});

describe('a module whose top level holds only functions it calls and constants it reads is evaluated once', () => {
  test.each([
    ['function declarations and a primitive constant', `const PREFIX = 'p-';\nfunction label(id) { return PREFIX + id; }\nexport function request(ctx) { return label(ctx.args.id); }\n`],
    ['arrow functions bound with const, and an import', `import { util } from '@aws-appsync/utils';\nconst id = () => util.autoId();\nexport const request = (ctx) => ({ id: id() });\n`],
    ['handlers exported by name from a list', `function handle(ctx) { return ctx.args; }\nexport { handle as request };\n`],
    ['esbuild\'s bundle shape: var bindings and a trailing export list', `var LIMIT = 10;\nvar clamp = (n) => Math.min(n, LIMIT);\nfunction request(ctx) { return clamp(ctx.args.n); }\nexport { request };\n`],
  ])('%s', (_, code) => {
    expect(sharedAcrossRequests(code)).toBe(true);
  });
});
