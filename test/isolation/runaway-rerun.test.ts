// A handler moved off the server's thread past its slice runs again from its start
// on a worker: the re-run is handed ctx as the first run was, not as the stopped run
// left it, and what the re-run leaves in the shared parts is what the next handler sees.
import { expect, test } from 'vitest';
import { createFieldRun, handlerContext } from '../../local/runtime/context.ts';
import { newInvocation } from '../../local/runtime/invocation.ts';
import { runHandlerServed } from '../../local/runtime/runaway/index.ts';
import { createRealm, loadCode } from '../../local/runtime/sandbox.ts';
import { OUTLAST_SLICE } from '../support/runaway.ts';

const CODE = `export function request(ctx) {
  ctx.stash.runs = ctx.stash.runs ? ctx.stash.runs + 1 : 1;
  ctx.stash.steps.push('request');
  ctx.args.count = ctx.args.count + 1;
  ctx.prev.result.n = ctx.prev.result.n + 1;
  ${OUTLAST_SLICE}
  return { runs: ctx.stash.runs, steps: ctx.stash.steps, count: ctx.args.count, n: ctx.prev.result.n };
}
export function response(ctx) {
  return ctx.result;
}
`;

test('the re-run of a moved handler sees none of the stopped run’s writes to ctx.stash, ctx.args or ctx.prev, and leaves its own', async () => {
  const realm = createRealm();
  const module = loadCode(realm, CODE, 'rerun.js');
  const run = createFieldRun(realm, { count: 5 }, null, { headers: {}, domainName: null, identity: null, env: {} }, {
    parentTypeName: 'Query',
    fieldName: 'rerun',
    variables: {},
    fieldNodes: [],
    fragments: {},
  });
  const ctx = handlerContext(run, { prev: { n: 1 } });
  Object.assign(ctx.stash, realm.internals.toRealm({ steps: ['before'] }));
  const invocation = newInvocation({ typeName: 'Query', fieldName: 'rerun', deadline: Date.now() + 60_000 });

  const served = runHandlerServed(module, 'request', ctx, invocation);
  expect(served).toBeInstanceOf(Promise); // it moved: an answer from the server's thread is synchronous

  expect(await served).toEqual({ kind: 'value', value: { runs: 1, steps: ['before', 'request'], count: 6, n: 2 } });
  expect(JSON.parse(JSON.stringify({ stash: ctx.stash, args: ctx.args }))).toEqual({ stash: { runs: 1, steps: ['before', 'request'] }, args: { count: 6 } });
}, 60_000);

// A field's first handler is handed the host's values, not a copy of them (runaway/handed.ts): the run passed along.
const COUNTING = (outlastIn: 'request' | 'response') => `export function request(ctx) {
  ctx.stash.runs = (ctx.stash.runs ?? 0) + 1;
  ctx.args.count = ctx.args.count + 1;
  ${outlastIn === 'response' ? '' : OUTLAST_SLICE}
  return { runs: ctx.stash.runs, count: ctx.args.count };
}
export function response(ctx) {
  ctx.stash.runs = ctx.stash.runs + 1;
  ctx.args.count = ctx.args.count + 1;
  ${outlastIn === 'request' ? '' : OUTLAST_SLICE}
  return { runs: ctx.stash.runs, count: ctx.args.count };
}
`;

function fieldRunOf(realm: ReturnType<typeof createRealm>) {
  return createFieldRun(realm, { count: 5 }, null, { headers: { 'x-api-key': 'k' }, domainName: null, identity: null, env: {} }, {
    parentTypeName: 'Query',
    fieldName: 'rerun',
    variables: {},
    fieldNodes: [],
    fragments: {},
  });
}

test('a field’s first handler, moved, re-runs from the values the field began with, not from the stopped run’s writes', async () => {
  const realm = createRealm();
  const module = loadCode(realm, COUNTING('request'), 'first.js');
  const run = fieldRunOf(realm);
  const invocation = newInvocation({ typeName: 'Query', fieldName: 'rerun', deadline: Date.now() + 60_000 });

  const served = runHandlerServed(module, 'request', handlerContext(run, { prev: null }), invocation, run);
  expect(served).toBeInstanceOf(Promise);
  expect(await served).toEqual({ kind: 'value', value: { runs: 1, count: 6 } });
}, 60_000);

test('a later handler of the field, moved, re-runs from what the handler before it left, not from the values the field began with', async () => {
  const realm = createRealm();
  const module = loadCode(realm, COUNTING('response'), 'later.js');
  const run = fieldRunOf(realm);
  const invocation = newInvocation({ typeName: 'Query', fieldName: 'rerun', deadline: Date.now() + 60_000 });

  expect(runHandlerServed(module, 'request', handlerContext(run, { prev: null }), invocation, run)).toEqual({ kind: 'value', value: { runs: 1, count: 6 } });
  const served = runHandlerServed(module, 'response', handlerContext(run, { prev: null, result: null }), invocation, run);
  expect(served).toBeInstanceOf(Promise);
  expect(await served).toEqual({ kind: 'value', value: { runs: 2, count: 7 } });
}, 60_000);
