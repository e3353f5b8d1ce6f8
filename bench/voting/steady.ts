// The voting bench's steady-rate mode: tail latency under a modest, even load rather than throughput.
// castVote sent at a fixed rate (open loop: each vote leaves at its scheduled time whatever the earlier ones
// do, and its latency counts from that time, so a stall is not hidden by the votes it held back), with
// `SUBSCRIBERS` big screens subscribed to onAnswer on sockets of their own. Prints p50/p99/p99.9/max of
// castVote and of vote → delivery on every screen, and the server's own event-loop delay and GC pauses
// (loop-delay.mjs, preloaded into the server process). The screens live on a worker thread of the bench
// (screens.mjs), so their 20,000 messages a second do not hold back the vote clock. The bench thread's own loop
// delay is printed too: what the load generator adds to the figures on a busy machine.
// Targets (issue 14): castVote p99 ≤ 100 ms, p99.9 ≤ 250 ms, no stall over 1 s.
// Run: BENCH_STEADY=1 npm run bench voting   (BENCH_RATE=100 BENCH_SECONDS=30 BENCH_SUBSCRIBERS=200;
//      BENCH_SECONDS=300 for the five minutes; BENCH_PROFILE=<dir> for the server's CPU profile and
//      its long ticks, BENCH_HEAP_PROFILE=<file> for where its allocations came from, BENCH_SERVER_FLAGS for V8 flags,
//      BENCH_DYNALITE_IN_PROCESS=1: the store on the server's thread)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { freePort, startServerProcess } from '../../test/support/server-process.ts';
import { ORGANIZER, reach } from './server.ts';

const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 200);
const VOTES = RATE * SECONDS;
const TARGETS = { p99: 100, p999: 250, stall: 1000 };

type Stats = { p50: number; p99: number; p999: number; max: number };
type Pauses = { count: number; totalMs: number; maxMs: number };
/** What loop-delay.mjs reports of the server process. */
type ServerLoop = Stats & { gc: Pauses & { byKind: Record<string, Pauses> }; cpuMs: number; heapMB: number; longTicks: [number, number][] };
const stats = (values: number[]): Stats => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), p999: at(0.999), max: sorted.at(-1) ?? NaN };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one big screen saw (screens.mjs): its onAnswer messages as (arrival, the highest total shown so far). */
type Seen = { arrivals: number[]; shown: number[] };
/** When a screen first showed a total of at least `total` (Infinity: never). */
function firstShowing(screen: Seen, total: number): number {
  let lo = 0;
  let hi = screen.shown.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (screen.shown[mid]! >= total) hi = mid;
    else lo = mid + 1;
  }
  return lo < screen.arrivals.length ? screen.arrivals[lo]! : Infinity;
}
/** Absolute milliseconds: comparable with the screens' worker's clock. */
const now = () => performance.timeOrigin + performance.now();

/** The screens on a worker thread of their own, subscribed once it answers. */
async function openScreens(workerData: { port: number; apiKey: string; eventId: string; questionId: string; count: number }) {
  const worker = new Worker(new URL('./screens.mjs', import.meta.url), { workerData });
  const next = <T>(type: string) => new Promise<T>((resolve, reject) => {
    const onMessage = (message: { type: string } & T) => {
      if (message.type !== type) return;
      worker.off('message', onMessage);
      resolve(message);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
  await next('ready');
  return {
    /** Waits until every screen showed `lastTotal` (at most 10 s) and answers what each saw. */
    seen: async (lastTotal: number) => {
      const answer = next<{ screens: Seen[] }>('seen');
      worker.postMessage({ type: 'collect', lastTotal });
      return (await answer).screens;
    },
    close: () => worker.terminate(),
  };
}

export async function steady(): Promise<boolean> {
  const dataDir = mkdtempSync(join(tmpdir(), 'handsup-bench-steady-'));
  const loopFile = join(dataDir, 'loop-delay.json');
  process.env.BENCH_LOOP_DELAY_FILE = loopFile;
  const port = await freePort();
  const { process: server, apiKey } = await startServerProcess({
    port,
    dataDir,
    users: [{ ...ORGANIZER, groups: ['organizers'] }],
    nodeArgs: [
      '--import', fileURLToPath(new URL('./loop-delay.mjs', import.meta.url)),
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []),
      // e.g. BENCH_SERVER_FLAGS=--max-semi-space-size=64: V8 flags for the server, to try a GC setting.
      ...(process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? []),
    ],
    stderr: 'inherit',
    serveArgs: process.env.BENCH_DYNALITE_IN_PROCESS ? ['--dynalite-in-process'] : [],
  });
  const serverLoop = () => {
    server.kill('SIGUSR2');
    return sleep(300).then(() => JSON.parse(readFileSync(loopFile, 'utf8')) as ServerLoop);
  };
  let screens: Awaited<ReturnType<typeof openScreens>> | undefined;
  try {
    const { post, organizer } = await reach(port);
    const voter = { 'x-api-key': apiKey };
    const { createEvent: event } = await post(
      'mutation { createEvent(input: { title: "Steady", questions: [{ type: MULTIPLE_CHOICE, title: "Steady", options: ["A", "B", "C", "D"] }] }) { id code questionIds } }',
      {},
      organizer,
    );
    const questionId = event.questionIds[0];
    await post('mutation ($e: ID!, $q: ID!) { openQuestion(eventId: $e, questionId: $q) { id } }', { e: event.id, q: questionId }, organizer);
    const participants: string[] = [];
    let nextJoin = 0;
    await Promise.all(Array.from({ length: 32 }, async () => {
      while (nextJoin++ < VOTES) participants.push((await post('mutation ($c: String!) { joinEvent(code: $c) { participantId } }', { c: event.code }, voter)).joinEvent.participantId);
    }));
    screens = await openScreens({ port, apiKey, eventId: event.id, questionId, count: SUBSCRIBERS });

    // The steady phase.
    await serverLoop(); // starts the server's histogram afresh
    const clientLoop = monitorEventLoopDelay({ resolution: 10 });
    clientLoop.enable();
    const query = 'mutation ($e: ID!, $q: ID!, $pid: ID!, $o: [ID!]!) { castVote(eventId: $e, questionId: $q, participantId: $pid, optionIds: $o) { eventId questionId optionIds results { totalVotes } } }';
    const votes: { scheduled: number; answered: number; total: number }[] = [];
    let failed = 0;
    const failures = new Map<string, number>();
    const started = now();
    const inFlight: Promise<void>[] = [];
    for (let i = 0; i < VOTES; i++) {
      const scheduled = started + (i * 1000) / RATE;
      const wait = scheduled - now();
      if (wait > 1) await sleep(wait);
      inFlight.push(post(query, { e: event.id, q: questionId, pid: participants[i], o: [`o${(i % 4) + 1}`] }, voter).then(
        (data) => void votes.push({ scheduled, answered: now(), total: data.castVote.results.totalVotes }),
        (error: Error) => {
          failed++;
          failures.set(error.message, (failures.get(error.message) ?? 0) + 1);
        },
      ));
    }
    await Promise.all(inFlight);
    const lastTotal = Math.max(...votes.map((v) => v.total));
    const seen = await screens.seen(lastTotal);
    clientLoop.disable();
    const loop = await serverLoop();

    const castVote = stats(votes.map((v) => v.answered - v.scheduled));
    const delivery = stats(votes.flatMap((v) => seen.map((s) => firstShowing(s, v.total) - v.scheduled)));
    const client = { p99: clientLoop.percentile(99) / 1e6, max: clientLoop.max / 1e6 };
    const f = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '∞');
    const row = (name: string, s: Stats, target: string) => console.log(`| ${name} | ${f(s.p50)} | ${f(s.p99)} | ${f(s.p999)} | ${f(s.max)} | ${target} |`);
    console.log(`HandsUp votes at a steady ${RATE}/s for ${SECONDS} s (${VOTES} votes, ${votes.length} answered, ${failed} failed), ` +
      `${SUBSCRIBERS} big screens on sockets of their own (on a worker thread of the bench), dynalite on disk ${process.env.BENCH_DYNALITE_IN_PROCESS ? 'on the server\'s thread' : 'on a thread of its own'} (shared 2-core machine: figures taken under load).\n`);
    console.log('| ms | p50 | p99 | p99.9 | max | target |');
    console.log('|---|---:|---:|---:|---:|---:|');
    row('castVote, scheduled → answered', castVote, `p99 ≤ ${TARGETS.p99}, p99.9 ≤ ${TARGETS.p999}, max ≤ ${TARGETS.stall}`);
    row(`vote scheduled → shown on each of ${SUBSCRIBERS} screens`, delivery, '');
    row('server event-loop delay', loop, '');
    const kinds = Object.entries(loop.gc.byKind).map(([kind, p]) => `${kind} ${p.count}× ${p.totalMs.toFixed(0)} ms (longest ${p.maxMs.toFixed(1)})`).join(', ');
    console.log(`\nServer CPU: ${loop.cpuMs.toFixed(0)} ms, ${(loop.cpuMs / Math.max(1, votes.length)).toFixed(2)} ms a vote; heap ${loop.heapMB.toFixed(0)} MB at the end; ` +
      `${loop.longTicks.length} ticks over 50 ms. GC: ${loop.gc.count} pauses, ${loop.gc.totalMs.toFixed(0)} ms in all, longest ${loop.gc.maxMs.toFixed(1)} ms (${kinds}). ` +
      `This process's own loop delay (the load generator's share): p99 ${client.p99.toFixed(1)} ms, max ${client.max.toFixed(1)} ms.`);
    // With BENCH_PROFILE, the long ticks go next to the server's CPU profile (their times are the profile's clock).
    if (process.env.BENCH_PROFILE) writeFileSync(join(process.env.BENCH_PROFILE, 'long-ticks.json'), JSON.stringify(loop.longTicks));
    for (const [message, count] of failures) console.log(`Failed ${count}×: ${message}`);
    const met = failed === 0 && castVote.p99 <= TARGETS.p99 && castVote.p999 <= TARGETS.p999 && castVote.max <= TARGETS.stall;
    console.log(`\nTargets ${met ? 'met' : 'NOT met'}.`);
    return met;
  } finally {
    await screens?.close();
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
