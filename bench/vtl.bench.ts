// What VTL adds to a model mutation (issue 15: at most 1 ms over the pipeline's DynamoDB
// work). The pipeline is Amplify's shape for a `createX` mutation: a before template,
// then four VTL functions — init (defaults in the stash), auth, postAuth (validation),
// and the PutItem with its condition — and an after template. Measured in the same run:
//   pipeline   the whole pipeline through the local AppSync's resolver runner (ctx built,
//              every template rendered and its JSON read, the stash carried, the PutItem)
//   DynamoDB   the same PutItem request object through the same data source alone
// One mutation at a time (latency, not throughput), in-process dynalite in memory.
// Run: npm run bench vtl  (figures from a shared 2-core machine: compare, not absolutes)
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../local/api.ts';
import { parseDeclaration } from '../local/declaration/declaration.ts';
import type { CompiledResolver } from '../local/resolvers/compiled.ts';
import { runPipeline } from '../local/resolvers/pipeline.ts';
import { createFieldRun } from '../local/runtime/context.ts';
import { newInvocation } from '../local/runtime/invocation.ts';
import { startDynalite } from '../local/store/dynalite.ts';
import { ensureTables } from '../local/store/tables.ts';

const TARGET_MS = 1;
const N = Number(process.env.BENCH_MUTATIONS ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

const dir = mkdtempSync(join(tmpdir(), 'vtl-bench-'));
const files: Record<string, string> = {
  'schema.graphql': `type Todo { id: ID! title: String! done: Boolean owner: String createdAt: String updatedAt: String }
input CreateTodoInput { id: ID title: String! done: Boolean }
type Query { getTodo(id: ID!): Todo }
type Mutation { createTodo(input: CreateTodoInput!): Todo }`,
  'before.vtl': `$util.qr($ctx.stash.put("typeName", "Mutation"))
$util.qr($ctx.stash.put("fieldName", "createTodo"))
$util.qr($ctx.stash.put("tableName", $ctx.env.TODO_TABLE))
{}`,
  'init.req.vtl': `#set($defaults = {})
$util.qr($defaults.put("id", $util.defaultIfNullOrBlank($ctx.args.input.id, $util.autoId())))
#set($now = $util.time.nowISO8601())
$util.qr($defaults.put("createdAt", $now))
$util.qr($defaults.put("updatedAt", $now))
$util.qr($defaults.put("__typename", "Todo"))
$util.qr($ctx.stash.put("defaultValues", $defaults))
{ "version": "2018-05-29", "payload": {} }`,
  'auth.req.vtl': `#set($isAuthorized = false)
#set($allowedFields = ["id", "title", "done"])
#if($util.authType() == "API Key Authorization")
  #set($isAuthorized = true)
#end
#foreach($entry in $util.map.copyAndRemoveAllKeys($ctx.args.input, $allowedFields).entrySet())
  $util.error("Unauthorized on [$entry.key]", "Unauthorized")
#end
#if(!$isAuthorized)
  $util.unauthorized()
#end
$util.qr($ctx.stash.put("authorized", true))
{ "version": "2018-05-29", "payload": {} }`,
  'postAuth.req.vtl': `#if($util.isNullOrBlank($ctx.args.input.title))
  $util.error("title is required", "ValidationError")
#end
#if($ctx.args.input.title.length() > 200)
  $util.error("title is too long", "ValidationError")
#end
{ "version": "2018-05-29", "payload": {} }`,
  'passPrev.res.vtl': `$util.toJson({})`,
  'put.req.vtl': `#set($mergedValues = $util.defaultIfNull($ctx.stash.defaultValues, {}))
$util.qr($mergedValues.putAll($util.defaultIfNull($ctx.args.input, {})))
#set($condition = { "expression": "attribute_not_exists(#id)", "expressionNames": { "#id": "id" } })
#set($key = { "id": $util.dynamodb.toDynamoDB($mergedValues.id) })
$util.qr($mergedValues.remove("id"))
{
  "version": "2018-05-29",
  "operation": "PutItem",
  "key": $util.toJson($key),
  "attributeValues": $util.dynamodb.toMapValuesJson($mergedValues),
  "condition": $util.toJson($condition)
}`,
  'put.res.vtl': `#if($ctx.error)
  $util.error($ctx.error.message, $ctx.error.type)
#else
  $util.toJson($ctx.result)
#end`,
  'after.vtl': `$util.toJson($ctx.prev.result)`,
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
const fn = (req: string, res: string, dataSource: string) => ({ dataSource, requestTemplate: req, responseTemplate: res });
const declaration = parseDeclaration(
  {
    name: 'bench',
    schema: 'schema.graphql',
    authorization: { default: 'API_KEY' },
    environment: { TODO_TABLE: { tableName: 'Todo' } },
    tables: { Todo: { partitionKey: { name: 'id', type: 'S' } } },
    dataSources: { TodoTable: { type: 'AMAZON_DYNAMODB', table: 'Todo' }, Local: { type: 'NONE' } },
    functions: {
      init: fn('init.req.vtl', 'passPrev.res.vtl', 'Local'),
      auth: fn('auth.req.vtl', 'passPrev.res.vtl', 'Local'),
      postAuth: fn('postAuth.req.vtl', 'passPrev.res.vtl', 'Local'),
      put: fn('put.req.vtl', 'put.res.vtl', 'TodoTable'),
    },
    resolvers: { 'Mutation.createTodo': { pipeline: ['init', 'auth', 'postAuth', 'put'], requestTemplate: 'before.vtl', responseTemplate: 'after.vtl' } },
  },
  join(dir, 'api.json'),
);

const engine = await startDynalite({ path: null });
await ensureTables(engine, declaration.tables);
const api = createApi(declaration, engine);
const resolver = api.resolvers.get('Mutation.createTodo') as Extract<CompiledResolver, { kind: 'PIPELINE' }>;
const dataSource = resolver.functions[3]!.dataSource;
const scope = { headers: {}, domainName: null, identity: null, env: { TODO_TABLE: 'Todo' } };
const field = { parentTypeName: 'Mutation', fieldName: 'createTodo', variables: {}, fieldNodes: [], fragments: {} };

let serial = 0;
async function throughPipeline() {
  const input = { id: `todo-${++serial}`, title: 'Write the bench', done: false };
  const run = createFieldRun(resolver.realm!, { input }, null, scope, field);
  const invocation = newInvocation({ typeName: 'Mutation', fieldName: 'createTodo', deadline: Date.now() + 30_000 });
  const outcome = await runPipeline(resolver, run, invocation);
  if (outcome.kind !== 'value' || (outcome.value as { id?: string }).id !== input.id) throw new Error(`pipeline failed: ${JSON.stringify(outcome)}`);
}

async function dynamoDbAlone() {
  const now = new Date().toISOString();
  const answer = await dataSource.invoke({
    version: '2018-05-29',
    operation: 'PutItem',
    key: { id: { S: `todo-${++serial}` } },
    attributeValues: { createdAt: { S: now }, updatedAt: { S: now }, __typename: { S: 'Todo' }, title: { S: 'Write the bench' }, done: { BOOL: false } },
    condition: { expression: 'attribute_not_exists(#id)', expressionNames: { '#id': 'id' } },
  });
  if (answer.error) throw new Error(answer.error.message);
}

/** Median ms per mutation over ROUNDS rounds of N, one at a time, after a warm-up round. */
async function measure(mutation: () => Promise<void>): Promise<number> {
  for (let i = 0; i < N; i++) await mutation();
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < N; i++) await mutation();
    samples.push(Number(process.hrtime.bigint() - start) / N / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
}

// Interleaved, so both see the same machine and the same table size.
const pipeline: number[] = [];
const alone: number[] = [];
for (let i = 0; i < 3; i++) {
  alone.push(await measure(dynamoDbAlone));
  pipeline.push(await measure(throughPipeline));
}
const median = (values: number[]) => values.sort((a, b) => a - b)[1]!;
const [p, d] = [median(pipeline), median(alone)];
const added = p - d;
console.log('| measurement | ms per mutation | target |');
console.log('| --- | ---: | --- |');
console.log(`| createTodo: 4-function VTL pipeline with before/after templates, PutItem included | ${p.toFixed(3)} | — |`);
console.log(`| peer: the same PutItem through the same data source alone | ${d.toFixed(3)} | — |`);
console.log(`| added by VTL (the difference) | ${added.toFixed(3)} | ≤ ${TARGET_MS} |`);
const [load] = (await import('node:os')).loadavg();
console.log(`| machine load (1-minute average, ${(await import('node:os')).cpus().length} cores) | ${load!.toFixed(1)} | — |`);
console.log(`\nVTL adds ${added.toFixed(3)} ms per mutation, ${(added / d).toFixed(2)}× its PutItem (target ≤ ${TARGET_MS} ms): ${added <= TARGET_MS ? 'within' : 'OVER'} the target.`);
await engine.close?.();
