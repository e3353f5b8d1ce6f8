// HandsUp end to end: accepted votes per second over HTTP with 32 concurrent
// voters, the embedded default (dynalite in process, data on disk), the server in
// a process of its own; and the big screen's delay from a vote's acknowledgement
// to the subscription message that shows it, during that load.
// Measured in the same run, the limit: the store's own throughput for the same
// operations a vote makes (6 DynamoDB calls: BatchGetItem of event, question,
// participant and answer; UpdateItem answer, UpdateItem tally, UpdateItem counted,
// UpdateItem inflight; BatchGetItem of the 16 tally shards), called straight on
// dynalite on disk. (The first vote of a question also marks it answered: once.)
// Targets: ≥ 50 % of the store's throughput; big-screen p99 ≤ 100 ms.
// Run: npm run bench voting   (BENCH_VOTES=3000 for a longer run)
// Steady-rate mode, tail latency instead of throughput: BENCH_STEADY=1 npm run bench voting (voting/steady.ts).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { startDynalite } from '../local/store/dynalite.ts';
import { ensureTables } from '../local/store/tables.ts';
import { loadDeclaration } from '../local/declaration/declaration.ts';
import { signInWithPassword } from '../local/user-pool/sign-in.ts';
import { freePort, startServerProcess } from '../test/support/server-process.ts';

const CONCURRENCY = 32;
const VOTES = Number(process.env.BENCH_VOTES ?? 1500);
const SHARDS = 16;
const ORGANIZER = { username: 'organizer', password: 'bench-organizer-pw' };
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 100;

if (process.env.BENCH_STEADY) process.exit((await (await import('./voting/steady.ts')).steady()) ? 0 : 1);

/** CPU time a process has used, all its threads (Linux /proc: CPU figures hold on a loaded machine where rates do not). */
const cpuMsOf = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
};
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Runs `task` for each of `count` items with `concurrency` in flight; answers items per second. */
async function pace(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) await task(i);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

// ── End to end ────────────────────────────────────────────────────────────────
async function endToEnd() {
  const dataDir = mkdtempSync(join(tmpdir(), 'handsup-bench-'));
  const port = await freePort();
  const { process: server, apiKey } = await startServerProcess({
    port,
    dataDir,
    users: [{ ...ORGANIZER, groups: ['organizers'] }],
    nodeArgs: process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : [],
    stderr: 'inherit',
  });
  try {
    const url = `http://127.0.0.1:${port}/graphql`;
    const agentHeaders = { "content-type": "application/json" };
    const post = async (query: string, variables: object, headers: Record<string, string>) => {
      const response = await fetch(url, { method: 'POST', headers: { ...agentHeaders, ...headers }, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as { data: any; errors?: { message: string }[] };
      if (body.errors) throw new Error(body.errors.map((e) => e.message).join('; '));
      return body.data;
    };
    const outputs = await (await fetch(`http://127.0.0.1:${port}/amplify_outputs.json`)).json();
    const { idToken } = await signInWithPassword({ endpoint: outputs.custom.user_pool_endpoint, clientId: outputs.auth.user_pool_client_id, ...ORGANIZER });
    const organizer = { authorization: idToken };
    const voter = { 'x-api-key': apiKey };
    const { createEvent: event } = await post(
      'mutation { createEvent(input: { title: "Bench", questions: [{ type: MULTIPLE_CHOICE, title: "Bench", options: ["A", "B", "C", "D"] }] }) { id code questionIds } }',
      {},
      organizer,
    );
    const questionId = event.questionIds[0];
    await post('mutation ($e: ID!, $q: ID!) { openQuestion(eventId: $e, questionId: $q) { id } }', { e: event.id, q: questionId }, organizer);
    const participants: string[] = [];
    await pace(VOTES, CONCURRENCY, async () => {
      participants.push((await post('mutation ($code: String!) { joinEvent(code: $code) { participantId } }', { code: event.code }, voter)).joinEvent.participantId);
    });

    // The big screen: one subscriber to onAnswer over AppSync's real-time protocol.
    const header = Buffer.from(JSON.stringify({ host: `127.0.0.1:${port}`, 'x-api-key': apiKey })).toString('base64url');
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql/realtime`, ['graphql-ws', `header-${header}`]);
    const shown: { total: number; at: number }[] = [];
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init' })));
      socket.on('message', (raw) => {
        const message = JSON.parse(String(raw));
        if (message.type === 'connection_ack') {
          socket.send(JSON.stringify({
            id: 'screen',
            type: 'start',
            payload: {
              data: JSON.stringify({
                query: 'subscription ($e: ID!, $q: ID!) { onAnswer(eventId: $e, questionId: $q) { results { totalVotes } } }',
                variables: { e: event.id, q: questionId },
              }),
              extensions: { authorization: { host: `127.0.0.1:${port}`, 'x-api-key': apiKey } },
            },
          }));
        } else if (message.type === 'start_ack') resolve();
        else if (message.type === 'data') shown.push({ total: message.payload.data.onAnswer.results.totalVotes, at: performance.now() });
        else if (message.type === 'error') reject(new Error(JSON.stringify(message)));
      });
    });

    const acknowledged: { total: number; at: number }[] = [];
    const query =
      'mutation ($e: ID!, $q: ID!, $pid: ID!, $o: [ID!]!) { castVote(eventId: $e, questionId: $q, participantId: $pid, optionIds: $o) { ' +
      'eventId questionId optionIds seq results { eventId questionId title state round totalVotes voters updatedAt options { optionId label votes } } } }';
    const cpuBefore = cpuMsOf(server.pid!);
    const votesPerSecond = await pace(VOTES, CONCURRENCY, async (i) => {
      const answer = await post(query, { e: event.id, q: questionId, pid: participants[i], o: [`o${(i % 4) + 1}`] }, voter);
      acknowledged.push({ total: answer.castVote.results.totalVotes, at: performance.now() });
    });
    // Wait for the last messages, then match each acknowledgement to the first message showing its total.
    const deadline = performance.now() + 5000;
    while (shown.length < VOTES && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    socket.close();
    const sortedShown = [...shown].sort((a, b) => a.at - b.at);
    const delays = acknowledged.map((ack) => {
      const display = sortedShown.find((s) => s.total >= ack.total);
      return display ? Math.max(0, display.at - ack.at) : Infinity;
    }).sort((a, b) => a - b);
    const cpuMsPerVote = (cpuMsOf(server.pid!) - cpuBefore) / VOTES;
    return { votesPerSecond, cpuMsPerVote, delays, delivered: shown.length };
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// ── The store alone: the same operations, straight to dynalite ────────────────
async function storeAlone(asShipped = false) {
  const dataDir = mkdtempSync(join(tmpdir(), 'handsup-bench-store-'));
  const engine = await startDynalite({ path: join(dataDir, 'dynalite'), asShipped });
  try {
    const table = 'HandsUp';
    await ensureTables(engine, loadDeclaration('api.json').tables);
    const event = randomUUID();
    const question = randomUUID();
    const S = (s: string) => ({ S: s });
    const eventKey = { pk: S(`EVENT#${event}`), sk: S('EVENT') };
    const questionKey = { pk: S(`EVENT#${event}`), sk: S(`QUESTION#${question}`) };
    await engine.call('PutItem', { TableName: table, Item: { ...eventKey, id: S(event) } });
    await engine.call('PutItem', { TableName: table, Item: { ...questionKey, id: S(question), round: { N: '1' }, state: S('OPEN') } });
    const shardPk = (k: number) => S(`EVENT#${event}#Q#${question}#R1#T${k}`);
    for (let shard = 0; shard < SHARDS; shard++) {
      await engine.call('PutItem', { TableName: table, Item: { pk: shardPk(shard), sk: S('TALLY'), inflight: { M: {} }, votes_o1: { N: '0' }, voters: { N: '0' } } });
    }
    const participants = Array.from({ length: VOTES }, () => randomUUID());
    await pace(VOTES, CONCURRENCY, async (i) => {
      await engine.call('PutItem', { TableName: table, Item: { pk: S(`EVENT#${event}`), sk: S(`PARTICIPANT#${participants[i]}`), participantId: S(participants[i]!) } });
    });
    const tallyKeys = Array.from({ length: SHARDS }, (_, k) => ({ pk: shardPk(k), sk: S('TALLY') }));
    const cpu = process.cpuUsage();
    const rate = await pace(VOTES, CONCURRENCY, async (i) => {
      const pid = participants[i]!;
      const participantKey = { pk: S(`EVENT#${event}`), sk: S(`PARTICIPANT#${pid}`) };
      const answerKey = { pk: S(`EVENT#${event}#Q#${question}`), sk: S(`ANSWER#${pid}`) };
      const tallyKey = tallyKeys['0123456789abcdef'.indexOf(pid.slice(-1))]!;
      await engine.call('BatchGetItem', { RequestItems: { [table]: { Keys: [eventKey, questionKey, participantKey, answerKey], ConsistentRead: true } } });
      await engine.call('UpdateItem', {
        TableName: table, Key: answerKey,
        UpdateExpression: 'SET #round = :round, #seq = :seq, #optionIds = :choices, #counted = :false',
        ConditionExpression: 'attribute_not_exists(#round) OR #round < :round',
        ExpressionAttributeNames: { '#round': 'round', '#seq': 'seq', '#optionIds': 'optionIds', '#counted': 'counted' },
        ExpressionAttributeValues: { ':round': { N: '1' }, ':seq': { N: '1' }, ':choices': { L: [S('o1')] }, ':false': { BOOL: false } },
      });
      await engine.call('UpdateItem', {
        TableName: table, Key: tallyKey,
        UpdateExpression: 'ADD #votes :one, #voters :one SET #inflight.#p = :seq',
        ConditionExpression: 'attribute_exists(#pk) AND (attribute_not_exists(#inflight.#p) OR #inflight.#p < :seq)',
        ExpressionAttributeNames: { '#votes': 'votes_o1', '#voters': 'voters', '#inflight': 'inflight', '#p': pid, '#pk': 'pk' },
        ExpressionAttributeValues: { ':one': { N: '1' }, ':seq': { N: '1' } },
      });
      await engine.call('UpdateItem', {
        TableName: table, Key: answerKey, UpdateExpression: 'SET #counted = :true', ConditionExpression: '#seq = :seq',
        ExpressionAttributeNames: { '#counted': 'counted', '#seq': 'seq' }, ExpressionAttributeValues: { ':true': { BOOL: true }, ':seq': { N: '1' } },
      });
      await engine.call('UpdateItem', {
        TableName: table, Key: tallyKey, UpdateExpression: 'REMOVE #inflight.#p', ConditionExpression: '#inflight.#p = :seq',
        ExpressionAttributeNames: { '#inflight': 'inflight', '#p': pid }, ExpressionAttributeValues: { ':seq': { N: '1' } },
      });
      await engine.call('BatchGetItem', {
        RequestItems: { [table]: { Keys: tallyKeys, ConsistentRead: true, ProjectionExpression: '#voters, #v', ExpressionAttributeNames: { '#voters': 'voters', '#v': 'votes_o1' } } },
      });
    });
    const used = process.cpuUsage(cpu);
    return { rate, cpuMsPerVote: (used.user + used.system) / 1000 / VOTES };
  } finally {
    await engine.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const { rate: store, cpuMsPerVote: storeCpu } = await storeAlone();
const asShipped = await storeAlone(true);
const e2e = await endToEnd();
const ratio = e2e.votesPerSecond / store;
const p50 = quantile(e2e.delays, 0.5);
const p99 = quantile(e2e.delays, 0.99);
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '∞');

console.log(`HandsUp votes, ${VOTES} votes by ${CONCURRENCY} concurrent voters, dynalite on disk (shared 2-core machine: compare ratios).\n`);
console.log('| measure | value | target |');
console.log('|---|---:|---:|');
console.log(`| store alone: the 6 operations of a vote, votes/s (CPU per vote) | ${fmt(store)} (${storeCpu.toFixed(2)} ms) | (the limit) |`);
console.log(`| the same on dynalite's own LevelDB calls (no read cache, no group commit) | ${fmt(asShipped.rate)} (${asShipped.cpuMsPerVote.toFixed(2)} ms) | |`);
console.log(`| end to end over HTTP, accepted votes/s (server CPU per vote) | ${fmt(e2e.votesPerSecond)} (${e2e.cpuMsPerVote.toFixed(2)} ms) | |`);
console.log(`| end to end ÷ store alone | ${(ratio * 100).toFixed(0)} % | ≥ ${TARGET_RATIO * 100} % |`);
console.log(`| big screen: ack → subscription message, p50 | ${p50.toFixed(1)} ms | |`);
console.log(`| big screen: ack → subscription message, p99 | ${p99.toFixed(1)} ms | ≤ ${TARGET_P99_MS} ms |`);
console.log(`| subscription messages received | ${e2e.delivered} of ${VOTES} | all |`);
const met = ratio >= TARGET_RATIO && p99 <= TARGET_P99_MS && e2e.delivered === VOTES;
console.log(`\nTargets ${met ? 'met' : 'NOT met'}.`);
