// A field's handlers share one copy of ctx's shared parts until something writes to them
// (runaway/handed.ts): every kind of write an earlier handler makes is seen by a later
// handler that moves to a worker, and a moved handler's re-run starts from the parts as
// handed, whether their copy was made for it or for a handler before it.
import { expect, test } from 'vitest';
import { createFieldRun, handlerContext, type FieldRun } from '../../local/runtime/context.ts';
import { newInvocation } from '../../local/runtime/invocation.ts';
import { runHandlerServed } from '../../local/runtime/runaway/index.ts';
import { createRealm, loadCode } from '../../local/runtime/sandbox.ts';
import { OUTLAST_SLICE } from '../support/runaway.ts';

const moduleOf = (request: string) => `export function request(ctx) {\n  ${request}\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n`;

function setUp() {
  const realm = createRealm();
  const run = createFieldRun(realm, { n: 1 }, null, { headers: { 'x-api-key': 'k' }, domainName: null, identity: null, env: {} }, {
    parentTypeName: 'Query',
    fieldName: 'writes',
    variables: {},
    fieldNodes: [],
    fragments: {},
  });
  const invocation = newInvocation({ typeName: 'Query', fieldName: 'writes', deadline: Date.now() + 60_000 });
  let files = 0;
  const load = (code: string) => loadCode(realm, code, `step${files++}.js`);
  return { run, invocation, load };
}

/** Runs a handler of its own module on the run, as a pipeline's next function would. */
function step(setup: { run: FieldRun; invocation: ReturnType<typeof newInvocation>; load: (code: string) => ReturnType<typeof loadCode> }, request: string) {
  const module = setup.load(moduleOf(request));
  return runHandlerServed(module, 'request', handlerContext(setup.run, { prev: null }), setup.invocation, setup.run);
}

const START = `ctx.stash.nested = { list: [1], obj: { a: 1 }, arr: [3, 1, 2] }; return {};`;
const READ_ONLY = `return { length: ctx.stash.nested.list.length };`;
const MOVED_READER = `${OUTLAST_SLICE}\n  return { nested: ctx.stash.nested, args: ctx.args, headers: ctx.request.headers };`;

const WRITES: { name: string; write: string; expected: Record<string, unknown> }[] = [
  { name: 'a nested property set by syntax', write: 'ctx.stash.nested.obj.a = 2;', expected: { obj: { a: 2 } } },
  { name: 'a compound assignment', write: 'ctx.stash.nested.obj.a += 5;', expected: { obj: { a: 6 } } },
  { name: 'an increment', write: 'ctx.stash.nested.obj.a++;', expected: { obj: { a: 2 } } },
  { name: 'a delete', write: 'delete ctx.stash.nested.obj.a;', expected: { obj: {} } },
  { name: 'a destructuring assignment target', write: '[ctx.stash.nested.obj.a] = [7];', expected: { obj: { a: 7 } } },
  { name: 'Array.prototype.push', write: 'ctx.stash.nested.list.push(2);', expected: { list: [1, 2] } },
  { name: 'Array.prototype.sort', write: 'ctx.stash.nested.arr.sort();', expected: { arr: [1, 2, 3] } },
  { name: 'Array.prototype.splice', write: 'ctx.stash.nested.arr.splice(0, 1);', expected: { arr: [1, 2] } },
  { name: 'Object.assign into it', write: 'Object.assign(ctx.stash.nested.obj, { b: 2 });', expected: { obj: { a: 1, b: 2 } } },
  { name: 'Object.defineProperty', write: "Object.defineProperty(ctx.stash.nested.obj, 'c', { value: 3, enumerable: true });", expected: { obj: { a: 1, c: 3 } } },
];

test.each(WRITES)('a handler moved after an earlier one wrote to the stash by $name re-runs with that write', async ({ write, expected }) => {
  const setup = setUp();
  step(setup, START);
  step(setup, READ_ONLY); // handed a copy made for it; the next handler may be handed the same one
  expect(step(setup, `${write}\n  return {};`)).toEqual({ kind: 'value', value: {} });
  const moved = step(setup, MOVED_READER);
  expect(moved).toBeInstanceOf(Promise); // it moved: an answer from the server's thread is synchronous
  const { value } = (await moved) as { value: { nested: Record<string, unknown> } };
  expect(value.nested).toEqual({ list: [1], obj: { a: 1 }, arr: [3, 1, 2], ...expected });
}, 60_000);

test('a handler moved after an earlier one replaced ctx.request.headers re-runs with the new headers', async () => {
  const setup = setUp();
  step(setup, READ_ONLY.replace('ctx.stash.nested.list.length', '0'));
  step(setup, `ctx.request.headers = { 'x-api-key': 'other' };\n  return {};`);
  const { value } = (await step(setup, MOVED_READER)) as { value: { headers: unknown } };
  expect(value.headers).toEqual({ 'x-api-key': 'other' });
}, 60_000);

test('a handler handed the copy made for the one before it, moved after writing to the stash and args, re-runs from them as handed', async () => {
  const setup = setUp();
  step(setup, START);
  step(setup, READ_ONLY);
  const moved = step(setup, `ctx.stash.nested.list.push(ctx.stash.nested.list.length + 1);\n  ctx.args.n = ctx.args.n + 1;\n  ${MOVED_READER}`);
  expect(moved).toBeInstanceOf(Promise);
  const { value } = (await moved) as { value: { nested: { list: number[] }; args: unknown } };
  expect({ list: value.nested.list, args: value.args }).toEqual({ list: [1, 2], args: { n: 2 } });
}, 60_000);
