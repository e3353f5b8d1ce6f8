// HandsUp's vote write — a conditional PutItem (the ballot: one per voter) plus an UpdateItem ADD (one
// of the option's counter shards) — at 32 concurrent votes, through the DynamoDB data source and against
// the same dynalite called directly, in one run, each on the same three ways of reaching dynalite:
//   in-process    dynalite's validations and actions called without a socket (--dynalite-in-process)
//   thread        the same, on a worker thread of its own (local/store/dynalite-thread.ts; the local AppSync's default)
//   raw HTTP      dynalite's HTTP API, DynamoDB's JSON protocol over keep-alive HTTP, no SDK
//   AWS SDK v3    @aws-sdk/client-dynamodb against dynalite's HTTP API (serialisation + SigV4): the endpoint engine
// Target: the data source reaches at least 70 % of the engine's direct throughput (in-process dynalite).
// Run: npm run bench datasource  (figures from a shared 2-core machine: compare ratios, not absolutes;
// BENCH_ROUNDS, BENCH_VOTES per round, BENCH_WARM_VOTES on each fresh store before its round)
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { dynamoDbDataSource } from '../local/data-sources/dynamodb/index.ts';
import type { DataSource } from '../local/data-sources/data-source.ts';
import { startDynalite } from '../local/store/dynalite.ts';
import { startDynaliteHttp } from '../local/store/dynalite-http.ts';
import { startDynaliteThread } from '../local/store/dynalite-thread.ts';
import type { DynamoDbEngine } from '../local/store/engine.ts';
import { connectEndpoint } from '../local/store/endpoint.ts';
import { ensureTables } from '../local/store/tables.ts';
import { cpuSince, threadCpu } from './voting/thread-cpu.ts';

const CONCURRENCY = 32;
const VOTES_PER_ROUND = Number(process.env.BENCH_VOTES ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
// A fresh store thread is a new V8 isolate running cold code: in memory, its first 3,000 votes cost 420 µs of
// CPU each, the next 3,000 300, then 230–270 (the in-process store's, warm: 130–230, load 15). With 500 only,
// the thread rows compared the thread's cold code with the in-process store's code warmed by the earlier paths.
const WARM_VOTES = Number(process.env.BENCH_WARM_VOTES ?? 4000);
const SHARDS = 4;
const TARGET = 0.7;

const TABLES = {
  HandsUp: { partitionKey: { name: 'pk', type: 'S' as const }, sortKey: { name: 'sk', type: 'S' as const }, globalSecondaryIndexes: [], localSecondaryIndexes: [] },
};

type Vote = (poll: string, option: string, voter: string, shard: number) => Promise<unknown>;

/** The two writes as AppSync request objects (what addVote-style resolvers return). */
function throughDataSource(source: DataSource): Vote {
  const check = (answer: { error?: { message: string } }) => {
    if (answer.error) throw new Error(answer.error.message);
  };
  return async (poll, option, voter, shard) => {
    check(await source.invoke({
      operation: 'PutItem',
      key: { pk: { S: `POLL#${poll}` }, sk: { S: `BALLOT#${voter}` } },
      attributeValues: { optionId: { S: option } },
      condition: { expression: 'attribute_not_exists(pk)' },
    }));
    check(await source.invoke({
      operation: 'UpdateItem',
      key: { pk: { S: `POLL#${poll}` }, sk: { S: `COUNT#${option}#${shard}` } },
      update: { expression: 'ADD #votes :one SET #optionId = :optionId', expressionNames: { '#votes': 'votes', '#optionId': 'optionId' }, expressionValues: { ':one': { N: 1 }, ':optionId': { S: option } } },
    }));
  };
}

/** The same two writes as DynamoDB requests, straight to the engine. */
function direct(engine: DynamoDbEngine): Vote {
  return async (poll, option, voter, shard) => {
    await engine.call('PutItem', {
      TableName: 'HandsUp',
      Item: { pk: { S: `POLL#${poll}` }, sk: { S: `BALLOT#${voter}` }, optionId: { S: option } },
      ConditionExpression: 'attribute_not_exists(pk)',
    });
    await engine.call('UpdateItem', {
      TableName: 'HandsUp',
      Key: { pk: { S: `POLL#${poll}` }, sk: { S: `COUNT#${option}#${shard}` } },
      UpdateExpression: 'ADD #votes :one SET #optionId = :optionId',
      ExpressionAttributeNames: { '#votes': 'votes', '#optionId': 'optionId' },
      ExpressionAttributeValues: { ':one': { N: '1' }, ':optionId': { S: option } },
      ReturnValues: 'ALL_NEW',
    });
  };
}

/** Votes per second with CONCURRENCY votes in flight (each vote is two requests), and the process's CPU time per vote (all its threads, and its main thread). */
async function measure(vote: Vote, votes: number): Promise<{ rate: number; cpuUs: number; mainUs: number }> {
  const poll = randomUUID();
  const options = ['a', 'b', 'c'];
  let next = 0;
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const threads = threadCpu(process.pid);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < votes) {
        const n = next++;
        await vote(poll, options[n % options.length]!, `${n}-${randomUUID()}`, n % SHARDS);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  return { rate: votes / seconds, cpuUs: (used.user + used.system) / votes, mainUs: (cpuSince(threads, threadCpu(process.pid)).main * 1000) / votes };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

process.env.AWS_ACCESS_KEY_ID ??= 'local';
process.env.AWS_SECRET_ACCESS_KEY ??= 'local';

type Engines = { inProcess: DynamoDbEngine; onThread: DynamoDbEngine; overHttp: DynamoDbEngine; sdk: DynamoDbEngine };
const through = (engine: DynamoDbEngine) => throughDataSource(dynamoDbDataSource('HandsUpTable', 'HandsUp', engine));
const paths: [string, (e: Engines) => Vote][] = [
  ['direct, in-process', (e) => direct(e.inProcess)],
  ['data source, in-process', (e) => through(e.inProcess)],
  ['direct, thread', (e) => direct(e.onThread)],
  ['data source, thread', (e) => through(e.onThread)],
  ['direct, raw HTTP', (e) => direct(e.overHttp)],
  ['data source, raw HTTP', (e) => through(e.overHttp)],
  ['direct, AWS SDK v3', (e) => direct(e.sdk)],
  ['data source, AWS SDK v3', (e) => through(e.sdk)],
];

/** Fresh in-memory stores for every measurement, so no path runs on a store the others have filled. */
async function freshEngines(): Promise<Engines & { close(): Promise<void> }> {
  const inProcess = await startDynalite({ path: null });
  const onThread = await startDynaliteThread({ path: null });
  const overHttp = await startDynaliteHttp({ path: null });
  await ensureTables(inProcess, TABLES);
  await ensureTables(onThread, TABLES);
  await ensureTables(overHttp, TABLES);
  const sdk = await connectEndpoint({ url: overHttp.url, region: 'us-east-1' });
  return { inProcess, onThread, overHttp, sdk, close: async () => void (await Promise.all([sdk.close(), overHttp.close(), onThread.close(), inProcess.close()])) };
}

// Warm every path, then interleave the rounds so drift on a shared machine hits all paths alike.
const warm = await freshEngines();
for (const [, path] of paths) await measure(path(warm), 300);
await warm.close();
const samples = new Map(paths.map(([name]) => [name, [] as number[]]));
const cpuSamples = new Map(paths.map(([name]) => [name, [] as number[]]));
const mainSamples = new Map(paths.map(([name]) => [name, [] as number[]]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, path] of paths) {
    const engines = await freshEngines();
    // A fresh store thread starts with cold code (a new V8 isolate): every path warms on its fresh store first.
    await measure(path(engines), WARM_VOTES);
    const { rate, cpuUs, mainUs } = await measure(path(engines), VOTES_PER_ROUND);
    samples.get(name)!.push(rate);
    cpuSamples.get(name)!.push(cpuUs);
    mainSamples.get(name)!.push(mainUs);
    await engines.close();
  }
}
const rate = new Map([...samples].map(([name, values]) => [name, median(values)]));
const cpu = new Map([...cpuSamples].map(([name, values]) => [name, median(values)]));
const mainCpu = new Map([...mainSamples].map(([name, values]) => [name, median(values)]));

const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(7);
const pct = (n: number) => `${Math.round(n * 100)} %`.padStart(6);
console.log(`HandsUp vote writes (conditional PutItem + UpdateItem ADD), ${CONCURRENCY} concurrent, dynalite 4 in memory,`);
console.log(`median of ${ROUNDS} rounds of ${VOTES_PER_ROUND} votes, each after ${WARM_VOTES} on its fresh store; requests/s = 2 × votes/s; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}.\n`);
console.log('| path                      | votes/s | requests/s | CPU µs per vote, all threads | main thread |');
console.log('|---------------------------|--------:|-----------:|-----------------------------:|------------:|');
for (const [name] of paths) console.log(`| ${name.padEnd(25)} | ${fmt(rate.get(name)!)} | ${fmt(2 * rate.get(name)!).padStart(10)} | ${fmt(cpu.get(name)!).padStart(28)} | ${fmt(mainCpu.get(name)!).padStart(11)} |`);

const ratio = (a: string, b: string) => rate.get(a)! / rate.get(b)!;
const checks: [string, number][] = [
  ['data source vs direct, in-process dynalite (the local AppSync\'s engine; the target)', ratio('data source, in-process', 'direct, in-process')],
  ['data source vs direct, dynalite over raw HTTP', ratio('data source, raw HTTP', 'direct, raw HTTP')],
  ['data source vs direct, dynalite through the AWS SDK v3', ratio('data source, AWS SDK v3', 'direct, AWS SDK v3')],
  ['data source on raw HTTP vs direct through the AWS SDK v3', ratio('data source, raw HTTP', 'direct, AWS SDK v3')],
  ['data source with the SDK on its hot path vs without (raw HTTP)', ratio('data source, AWS SDK v3', 'data source, raw HTTP')],
  ['data source vs direct, dynalite on its thread (the local AppSync\'s default)', ratio('data source, thread', 'direct, thread')],
  ['data source on the thread vs in-process (what the store\'s thread gains)', ratio('data source, thread', 'data source, in-process')],
  ['data source in-process vs on raw HTTP (what dropping dynalite\'s HTTP layer gains)', ratio('data source, in-process', 'data source, raw HTTP')],
];
console.log('\n| ratio | value |');
console.log('|---|---:|');
for (const [name, value] of checks) console.log(`| ${name} | ${pct(value).trim()} |`);
const met = checks[0]![1] >= TARGET;
console.log(`\nTarget: data source ≥ ${pct(TARGET).trim()} of the engine's direct throughput — ${met ? 'met' : 'NOT met'} (${pct(checks[0]![1]).trim()}).`);
process.exit(met ? 0 : 1);
