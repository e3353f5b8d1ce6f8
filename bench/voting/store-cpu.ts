// CPU per answer of the store alone: the DynamoDB operations of each answer row of the voting bench
// (bench/voting/store.ts), called straight on dynalite on disk, three ways in the same run:
//   as shipped — dynalite's own LevelDB calls and expression parses (startDynalite asShipped);
//   no memo    — with the read cache and group commit (dynalite-persistence.ts), but every expression parsed
//                and every table description read and decoded, call by call (startDynalite memos: false);
//   now        — as the local AppSync's store runs it: the expression memo (dynalite-expressions.ts) and the table
//                descriptions kept for item actions (dynalite-tables.ts) too; here in this thread, where the
//                server runs it on a thread of its own (dynalite-thread.ts, whose messages bench/datasource measures).
// The sides take turns, a tenth of a row's answers at a time, so that a burst of load on the shared machine
// weighs on all alike; CPU is the process's (user + system, LevelDB's threads included), counted per turn
// while only one side runs. A warm-up question is answered first on each side, not counted.
// Run: N=1500 npx tsx bench/voting/store-cpu.ts   (N answers per row and side; default 600)
import { loadavg } from 'node:os';
import { cpuUsage } from 'node:process';
import { answerRows } from './answers.ts';
import { timed } from './pace.ts';
import { startStore, type Store } from './store.ts';

const N = Number(process.env.N ?? 600);
const CONCURRENCY = 32;
const TURNS = 10;

const warmUp = { ...answerRows[0]!, label: 'warm-up', question: { ...answerRows[0]!.question, title: 'Warm-up' } };
const questions = [warmUp.question, ...new Set(answerRows.map((row) => row.question))];
const start = (options: { asShipped?: boolean; memos?: boolean }) => startStore({ questions, participants: N, concurrency: CONCURRENCY, ...options });
const sides = [
  { name: 'as shipped', store: await start({ asShipped: true }) },
  { name: 'no memo', store: await start({ memos: false }) },
  { name: 'now', store: await start({ memos: true }) },
];

type Tally = { cpuMs: number; seconds: number };
const rows: { label: string; tallies: Tally[] }[] = [];
try {
  for (const row of [warmUp, ...answerRows]) {
    const index = questions.indexOf(row.question);
    const run = async (store: Store, step: typeof row.measure, from: number, to: number) =>
      timed(from, to, CONCURRENCY, (i) => step.store(store, store.questions[index]!, i));
    for (const side of sides) if (row.prepare) await run(side.store, row.prepare, 0, N);
    const tallies: Tally[] = sides.map(() => ({ cpuMs: 0, seconds: 0 }));
    for (let turn = 0; turn < TURNS; turn++) {
      const from = Math.floor((turn * N) / TURNS);
      const to = Math.floor(((turn + 1) * N) / TURNS);
      for (const [k, side] of sides.entries()) {
        const before = cpuUsage();
        tallies[k]!.seconds += await run(side.store, row.measure, from, to);
        const used = cpuUsage(before);
        tallies[k]!.cpuMs += (used.user + used.system) / 1000;
      }
    }
    if (row !== warmUp) rows.push({ label: row.label, tallies });
  }
} finally {
  for (const side of sides) await side.store.close();
}

console.log(`Store alone: ${N} answers per row and side, ${CONCURRENCY} in flight; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log('CPU ms per answer (answers/s), and now against the other two\n');
const header = ['row', ...sides.map((side) => side.name), 'now / no memo', 'now / as shipped'];
const table = rows.map(({ label, tallies }) => [
  label,
  ...tallies.map((tally) => `${(tally.cpuMs / N).toFixed(2)} (${(N / tally.seconds).toFixed(0)}/s)`),
  (tallies[2]!.cpuMs / tallies[1]!.cpuMs).toFixed(2),
  (tallies[2]!.cpuMs / tallies[0]!.cpuMs).toFixed(2),
]);
const widths = header.map((title, c) => Math.max(title.length, ...table.map((line) => line[c]!.length)));
const line = (cells: string[]) => `| ${cells.map((text, c) => text.padEnd(widths[c]!)).join(' | ')} |`;
console.log([line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...table.map(line)].join('\n'));
