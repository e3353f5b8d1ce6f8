// What VTL adds to a model mutation (issue 15: at most 1 ms over the pipeline's DynamoDB
// work), on the real thing: the `createBoard` pipeline Amplify Gen 2's `defineData`
// generates (test/vtl/fixtures/gen2/, Amplify's own templates) — its before template, its
// four VTL functions (init: autoId and timestamps; auth: owner auth for a user pool
// caller; postAuth; the PutItem with its key condition) and its after template.
// Measured in the same run, interleaved:
//   pipeline   the whole pipeline through the local AppSync's resolver runner (ctx built,
//              every template rendered and its JSON read, the stash carried, the PutItem)
//   DynamoDB   the very PutItem the pipeline sends (recorded from it), through the same
//              data source alone
// One mutation at a time (latency, not throughput), in-process dynalite in memory. Both
// wall time and this process's CPU time per mutation are printed: on a loaded machine
// the CPU time is the one to compare.
// Run: npm run bench vtl
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { createApi } from '../local/api.ts';
import { loadDeclaration } from '../local/declaration/declaration.ts';
import type { CompiledResolver } from '../local/resolvers/compiled.ts';
import { runPipeline } from '../local/resolvers/pipeline.ts';
import { createFieldRun } from '../local/runtime/context.ts';
import { newInvocation } from '../local/runtime/invocation.ts';
import { startDynalite } from '../local/store/dynalite.ts';
import { ensureTables } from '../local/store/tables.ts';

const TARGET_MS = 1;
const N = Number(process.env.BENCH_MUTATIONS ?? 300);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const FIELD = 'Mutation.createBoard';

const declaration = loadDeclaration(fileURLToPath(new URL('../test/vtl/fixtures/gen2/gen2.api.json', import.meta.url)));
const engine = await startDynalite({ path: null });
await ensureTables(engine, declaration.tables);
const api = createApi(declaration, engine);
const resolver = api.resolvers.get(FIELD) as Extract<CompiledResolver, { kind: 'PIPELINE' }>;
const vtlFunctions = resolver.functions.filter((fn) => fn.templates).length;
if (resolver.functions.length !== 4 || vtlFunctions !== 4) throw new Error(`${FIELD}: expected 4 VTL functions, found ${vtlFunctions} of ${resolver.functions.length}`);
const dataSource = resolver.functions[3]!.dataSource;

// Alice, signed in through the user pool, as AppSync's identity shows her to a resolver.
const claims = { sub: 'a1b2', 'cognito:username': 'alice', token_use: 'id', email: 'alice@example.com' };
const identity = { sub: 'a1b2', username: 'alice', issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_local', sourceIp: ['127.0.0.1'], defaultAuthStrategy: 'ALLOW', groups: null, claims };
const scope = { headers: {}, domainName: null, identity, env: {} } as unknown as Parameters<typeof createFieldRun>[3];
const field = { parentTypeName: 'Mutation', fieldName: 'createBoard', variables: {}, fieldNodes: [], fragments: {} } as unknown as Parameters<typeof createFieldRun>[4];

let serial = 0;
async function throughPipeline() {
  const input = { id: `board-${++serial}`, name: 'Ideas' };
  const run = createFieldRun(resolver.realm!, { input }, null, scope, field);
  const invocation = newInvocation({ typeName: 'Mutation', fieldName: 'createBoard', authType: 'User Pool Authorization', deadline: Date.now() + 30_000 });
  const outcome = await runPipeline(resolver, run, invocation);
  if (outcome.kind !== 'value' || (outcome.value as { id?: string }).id !== input.id) throw new Error(`pipeline failed: ${JSON.stringify(outcome)}`);
}

// The PutItem the pipeline sends, recorded once, then sent alone with a fresh id each time.
let recorded: Record<string, any> | undefined;
const invoke = dataSource.invoke.bind(dataSource);
dataSource.invoke = (request: any, ...rest: any[]) => {
  if (request?.operation === 'PutItem') recorded ??= structuredClone(request);
  return (invoke as any)(request, ...rest);
};
await throughPipeline();
dataSource.invoke = invoke;
if (!recorded) throw new Error('the pipeline sent no PutItem');
const putItem = recorded;

async function dynamoDbAlone() {
  const id = { S: `board-${++serial}` };
  const answer = await dataSource.invoke({ ...putItem, key: { id }, attributeValues: { ...putItem.attributeValues, id } });
  if (answer.error) throw new Error(answer.error.message);
}

/** Median wall and CPU ms per mutation over ROUNDS rounds of N, one at a time, after a warm-up round. */
async function measure(mutation: () => Promise<void>): Promise<{ wall: number; cpu: number }> {
  for (let i = 0; i < N; i++) await mutation();
  const samples: { wall: number; cpu: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for (let i = 0; i < N; i++) await mutation();
    const used = process.cpuUsage(cpu);
    samples.push({ wall: Number(process.hrtime.bigint() - start) / N / 1e6, cpu: (used.user + used.system) / N / 1e3 });
  }
  return median(samples);
}

function median(samples: { wall: number; cpu: number }[]) {
  const middle = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { wall: middle(samples.map((s) => s.wall)), cpu: middle(samples.map((s) => s.cpu)) };
}

// Interleaved, so both see the same machine and the same table size.
const pipeline: { wall: number; cpu: number }[] = [];
const alone: { wall: number; cpu: number }[] = [];
for (let i = 0; i < 3; i++) {
  alone.push(await measure(dynamoDbAlone));
  pipeline.push(await measure(throughPipeline));
}
const [p, d] = [median(pipeline), median(alone)];
const added = { wall: p.wall - d.wall, cpu: p.cpu - d.cpu };
const ms = (value: number) => value.toFixed(3);
console.log('| measurement | wall ms per mutation | CPU ms per mutation | target |');
console.log('| --- | ---: | ---: | --- |');
console.log(`| ${FIELD}: Amplify Gen 2's pipeline (before, 4 VTL functions, after), its PutItem included | ${ms(p.wall)} | ${ms(p.cpu)} | — |`);
console.log(`| peer: the same PutItem through the same data source alone | ${ms(d.wall)} | ${ms(d.cpu)} | — |`);
console.log(`| added by VTL (the difference) | ${ms(added.wall)} | ${ms(added.cpu)} | ≤ ${TARGET_MS} |`);
console.log(`| machine load (1-minute average, ${cpus().length} cores) | ${loadavg()[0]!.toFixed(1)} | | — |`);
console.log(`\nVTL adds ${ms(added.cpu)} ms of CPU (${ms(added.wall)} ms wall) per mutation over its PutItem (target ≤ ${TARGET_MS} ms): ${added.cpu <= TARGET_MS ? 'within' : 'OVER'} the target.`);
await engine.close?.();
