// HandsUp end to end, a row per answer type: accepted answers per second over HTTP with 32
// concurrent phones, against the embedded default (dynalite on a thread of its own, data on disk) with the
// server in a process of its own; and each answer's push delay, from its acknowledgement to the
// subscription message that carries it (the big screen's onAnswer, the Q&A list's onEntryChanged),
// during that load.
// Measured in the same run, row by row, each row's limit: the store's own throughput for exactly
// the DynamoDB operations that answer makes (bench/voting/store.ts, one function per pipeline
// function), called straight on dynalite on disk. The two sides take turns, a tenth of a row's
// answers at a time, so that a burst of load on the shared machine weighs on both alike.
// Targets: ≥ 50 % of the store's throughput; push p99 ≤ 100 ms.
// Run: npm run bench voting   (BENCH_ANSWERS=1500 answers per row for a longer run; default 600;
// BENCH_ROWS=word,change for some rows only; BENCH_PROFILE=<dir> writes the server's CPU profile there;
// BENCH_DYNALITE_IN_PROCESS=1 runs both sides with the store on their main thread, as before the store had a thread)
import { answerRows } from './voting/answers.ts';
import { pace, pushDelays, quantile, timed, type Sighting } from './voting/pace.ts';
import { qaRows } from './voting/qa.ts';
import { startServer } from './voting/server.ts';
import { startStore } from './voting/store.ts';
import { cpuSince, threadCpu, type ThreadCpu } from './voting/thread-cpu.ts';

// Steady-rate mode, tail latency instead of throughput: BENCH_STEADY=1 npm run bench voting.
if (process.env.BENCH_STEADY) process.exit((await (await import('./voting/steady.ts')).steady()) ? 0 : 1);

const CONCURRENCY = 32;
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? process.env.BENCH_VOTES ?? 600);
const TURNS = 10;
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 100;

// BENCH_ROWS=word,change: only the rows whose label has one of these (the Q&A rows build on each other: keep them together).
const wanted = process.env.BENCH_ROWS?.split(',').map((part) => part.trim().toLowerCase());
const rows = [...answerRows, ...qaRows].filter((row) => !wanted || wanted.some((part) => row.label.toLowerCase().includes(part)));
const questions = [...new Set(rows.map((row) => row.question))];
const store = await startStore({ questions, participants: ANSWERS, concurrency: CONCURRENCY });
const server = await startServer({ questions, participants: ANSWERS, concurrency: CONCURRENCY });
const results = [];
try {
  // One subscriber per question, for the whole run: each row reads what arrived during it.
  const pushed = new Map<number, Sighting[]>();
  for (const row of rows) {
    const index = questions.indexOf(row.question);
    const questionId = server.questionIds[index]!;
    const question = store.questions[index]!;
    if (!pushed.has(index)) pushed.set(index, await server.subscribe(row.push.subscription, { e: server.eventId, q: questionId }));
    const shown = pushed.get(index)!;
    if (row.prepare) {
      await pace(ANSWERS, CONCURRENCY, (i) => row.prepare!.store(store, question, i));
      await pace(ANSWERS, CONCURRENCY, async (i) => void (await row.prepare!.endToEnd(server, questionId, i)));
      // The prepared answers' own pushes may still be on their way: let them land before the row's window opens,
      // or they are counted as the row's (a change of vote counted 601–609 messages of 600).
      await quiet(shown);
    }
    const from = shown.length;
    const acknowledged: Sighting[] = [];
    const seconds = { alone: 0, endToEnd: 0 };
    const cpu = { alone: { main: 0, all: 0 }, server: { main: 0, all: 0 } };
    const add = (sum: ThreadCpu, used: ThreadCpu) => ((sum.main += used.main), (sum.all += used.all));
    for (let turn = 0; turn < TURNS; turn++) {
      const [first, last] = [Math.floor((turn * ANSWERS) / TURNS), Math.floor(((turn + 1) * ANSWERS) / TURNS)];
      let before = threadCpu(process.pid);
      seconds.alone += await timed(first, last, CONCURRENCY, (i) => row.measure.store(store, question, i));
      add(cpu.alone, cpuSince(before, threadCpu(process.pid)));
      before = threadCpu(server.pid);
      seconds.endToEnd += await timed(first, last, CONCURRENCY, async (i) => void acknowledged.push(await row.measure.endToEnd(server, questionId, i)));
      add(cpu.server, cpuSince(before, threadCpu(server.pid)));
    }
    const [alone, endToEnd] = [ANSWERS / seconds.alone, ANSWERS / seconds.endToEnd];
    // Wait for the last messages before the next row adds its own.
    const deadline = performance.now() + 5000;
    while (shown.length - from < ANSWERS && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    const mine = shown.slice(from);
    results.push({ row, alone, endToEnd, cpu, delays: pushDelays(acknowledged, mine), received: mine.length });
  }
} finally {
  await server.close();
  await store.close();
}

/** Until no message has arrived for 250 ms (at most 5 s). */
async function quiet(shown: Sighting[]): Promise<void> {
  const deadline = performance.now() + 5000;
  let [seen, since] = [shown.length, performance.now()];
  while (performance.now() - since < 250 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (shown.length !== seen) [seen, since] = [shown.length, performance.now()];
  }
}

const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '∞');
const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'never');
console.log(`HandsUp answers, ${ANSWERS} per type by ${CONCURRENCY} concurrent phones, dynalite on disk ${process.env.BENCH_DYNALITE_IN_PROCESS ? 'on each main thread' : 'on a thread of its own'} (shared 2-core machine: compare ratios).\n`);
console.log('| answer type | store alone, answers/s | end to end, answers/s | end to end ÷ store alone | target |');
console.log('|---|---:|---:|---:|---:|');
for (const { row, alone, endToEnd } of results) {
  console.log(`| ${row.label} | ${fmt(alone)} | ${fmt(endToEnd)} | ${((endToEnd / alone) * 100).toFixed(0)} % | ≥ ${TARGET_RATIO * 100} % |`);
}
console.log('\n| pushed to, during | p50 | p99 | target | messages received |');
console.log('|---|---:|---:|---:|---:|');
for (const { row, delays, received } of results) {
  console.log(`| ${row.push.who}, ${row.label} | ${ms(quantile(delays, 0.5))} | ${ms(quantile(delays, 0.99))} | ≤ ${TARGET_P99_MS} ms | ${received} of ${ANSWERS} |`);
}
// CPU per answer varies less with the machine's load than answers/s: the server's main thread bounds its rate on a core of its own.
const perAnswer = (ms: number) => (Number.isFinite(ms) ? `${(ms / ANSWERS).toFixed(2)} ms` : 'n/a');
console.log('\n| CPU per answer (/proc) | store alone, main thread | store alone, all threads | server, main thread | server, all threads |');
console.log('|---|---:|---:|---:|---:|');
for (const { row, cpu } of results) {
  console.log(`| ${row.label} | ${perAnswer(cpu.alone.main)} | ${perAnswer(cpu.alone.all)} | ${perAnswer(cpu.server.main)} | ${perAnswer(cpu.server.all)} |`);
}
console.log('\nThe store alone, per answer (bench/voting/store.ts):');
for (const { row } of results) console.log(`- ${row.label}: ${row.operations}`);
const met = results.every((r) => r.endToEnd / r.alone >= TARGET_RATIO && quantile(r.delays, 0.99) <= TARGET_P99_MS && r.received === ANSWERS);
console.log(`\nTargets ${met ? 'met' : 'NOT met'}.`);
