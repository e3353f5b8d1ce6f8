// The APPSYNC_JS runtime's cost per handler call (issue 3: at most 20 µs for a
// trivial resolver), as a served API calls it: in the server's thread with a
// slice (runaway/: past it the handler would move to a worker). Compared, in the
// same run, with the same function called directly in Node, and the cost of the
// realm's safe view of host functions (arguments copied out as data, results
// copied in) on a dynamodb helper call.
import { createFieldRun, handlerContext } from '../local/runtime/context.ts';
import { runHandler } from '../local/runtime/handler.ts';
import { newInvocation } from '../local/runtime/invocation.ts';
import * as ddb from '../local/runtime/modules/dynamodb.ts';
import { runHandlerServed } from '../local/runtime/runaway/index.ts';
import { createRealm, loadCode } from '../local/runtime/sandbox.ts';

const TARGET_US = 20;
const TRIVIAL = `export function request(ctx) {\n  return { id: ctx.args.id };\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n`;
const HELPER = `import * as ddb from '@aws-appsync/utils/dynamodb';\nexport function request(ctx) {\n  return ddb.get({ key: { id: ctx.args.id } });\n}\nexport function response(ctx) {\n  return ctx.result;\n}\n`;

const realm = createRealm();
const trivial = loadCode(realm, TRIVIAL, 'trivial.js');
const helper = loadCode(realm, HELPER, 'helper.js');
const scope = { headers: {}, domainName: null, identity: null, env: {} };
const field = { parentTypeName: 'Query', fieldName: 'poll', variables: {}, fieldNodes: [], fragments: {} };
const run = createFieldRun(realm, { id: 'p1' }, null, scope, field);
const invocation = newInvocation({ typeName: 'Query', fieldName: 'poll', deadline: Date.now() + 3_600_000 });

// What is measured must work: the handlers answer what they should.
const check = (outcome: unknown, expected: unknown) => {
  if (JSON.stringify(outcome) !== JSON.stringify(expected)) throw new Error(`unexpected outcome ${JSON.stringify(outcome)}`);
};
check(runHandler(trivial, 'request', handlerContext(run, { prev: null }), invocation), { kind: 'value', value: { id: 'p1' } });
check(runHandlerServed(trivial, 'request', handlerContext(run, { prev: null }), invocation), { kind: 'value', value: { id: 'p1' } });
check(runHandler(helper, 'request', handlerContext(run, { prev: null }), invocation), { kind: 'value', value: { operation: 'GetItem', key: { id: { S: 'p1' } } } });

const direct = (ctx: { args: { id: string } }) => ({ id: ctx.args.id });
const directCtx = { args: { id: 'p1' }, arguments: { id: 'p1' }, prev: { result: null }, stash: {} };

/** Median µs per call over `rounds` rounds of `n` calls, after a warm-up. */
function measure(fn: () => unknown, n = 20_000, rounds = 15): number {
  for (let i = 0; i < n; i++) fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) fn();
    samples.push(Number(process.hrtime.bigint() - start) / n / 1000);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const rows: [string, number, string][] = [
  ['trivial handler as served (ctx built, clock and slice set, result checked)', measure(() => runHandlerServed(trivial, 'request', handlerContext(run, { prev: null }), invocation)), `≤ ${TARGET_US}`],
  ['trivial handler without a slice (evaluateCode)', measure(() => runHandler(trivial, 'request', handlerContext(run, { prev: null }), invocation)), 'peer'],
  ['trivial resolver field start: ctx parts copied into the realm + handler', measure(() => runHandler(trivial, 'request', handlerContext(createFieldRun(realm, { id: 'p1' }, null, scope, field), { prev: null }), invocation)), 'peer of the above'],
  ['peer: the same function called directly in Node', measure(() => direct(directCtx)), 'peer'],
  ['ddb.get from resolver code (host function wrapped, result copied in)', measure(() => runHandler(helper, 'request', handlerContext(run, { prev: null }), invocation)), 'peer'],
  ['peer: ddb.get called directly in Node', measure(() => ddb.get({ key: { id: 'p1' } })), 'peer'],
];

const fmt = (us: number) => (us < 1 ? us.toFixed(3) : us.toFixed(2));
console.log('| measurement | µs per call | target |');
console.log('| --- | ---: | --- |');
for (const [name, us, target] of rows) console.log(`| ${name} | ${fmt(us)} | ${target} |`);
const figure = rows[0]![1];
console.log(`\nTrivial handler: ${fmt(figure)} µs per call (target ≤ ${TARGET_US} µs): ${figure <= TARGET_US ? 'within' : 'OVER'} the target.`);
