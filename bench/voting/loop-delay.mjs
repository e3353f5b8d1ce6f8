// Preloaded into the server process by the steady-rate voting bench (node --import): the server's own
// event-loop delay (perf_hooks.monitorEventLoopDelay), its garbage-collection pauses (by kind: a minor one
// is a scavenge of the young generation, a major one a mark-compact of the whole heap), the CPU time it
// used (process.cpuUsage: on a shared machine, CPU per vote says more than wall time) and its long ticks
// (the loop held over LONG_TICK_MS), each as [start, end] in µs of the monotonic clock a --cpu-prof
// profile uses, so a profile can be read for what ran in them. SIGUSR2 writes what was seen since the
// last SIGUSR2 to the file named by BENCH_LOOP_DELAY_FILE, and starts afresh.
// Plain JavaScript: it loads before the server registers its TypeScript loader.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const LONG_TICK_MS = 50;
const file = process.env.BENCH_LOOP_DELAY_FILE;
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
const KINDS = {
  [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
  [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
  [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
  [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
};
const fresh = () => ({ count: 0, totalMs: 0, maxMs: 0, byKind: {} });
let gc = fresh();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count++;
    gc.totalMs += entry.duration;
    gc.maxMs = Math.max(gc.maxMs, entry.duration);
    const kind = KINDS[entry.detail?.kind] ?? String(entry.detail?.kind);
    const seen = (gc.byKind[kind] ??= { count: 0, totalMs: 0, maxMs: 0 });
    seen.count++;
    seen.totalMs += entry.duration;
    seen.maxMs = Math.max(seen.maxMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

const now = () => Number(process.hrtime.bigint() / 1000n);
let longTicks = [];
let last = now();
setInterval(() => {
  const at = now();
  if (at - last > LONG_TICK_MS * 1000) longTicks.push([last, at]);
  last = at;
}, 5).unref();
let cpu = process.cpuUsage();

// BENCH_HEAP_PROFILE=<file>: where the steady phase's allocations came from (V8's sampling heap profiler,
// objects that minor and major GCs collected included: what makes the GC work, not what stays), written as
// a .heapprofile at the second SIGUSR2 (the end of the steady phase).
const heapProfile = process.env.BENCH_HEAP_PROFILE;
let signals = 0;
const session = heapProfile ? new Session() : undefined;
session?.connect();

process.on('SIGUSR2', () => {
  const ms = (ns) => ns / 1e6;
  const used = process.cpuUsage(cpu);
  if (file) {
    writeFileSync(file, JSON.stringify({
      p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), p999: ms(delay.percentile(99.9)), max: ms(delay.max), gc,
      cpuMs: (used.user + used.system) / 1000, heapMB: process.memoryUsage().heapUsed / 2 ** 20, longTicks,
    }));
  }
  signals++;
  if (session && signals === 1) {
    session.post('HeapProfiler.startSampling', { samplingInterval: 32768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  } else if (session && signals === 2) {
    session.post('HeapProfiler.stopSampling', (error, result) => error || writeFileSync(heapProfile, JSON.stringify(result.profile)));
  }
  delay.reset();
  gc = fresh();
  longTicks = [];
  cpu = process.cpuUsage();
});
