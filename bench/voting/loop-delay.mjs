// Preloaded into the server process by the steady-rate voting bench (node --import): the server's own
// event-loop delay (perf_hooks.monitorEventLoopDelay) and its garbage-collection pauses. SIGUSR2 writes
// what was seen since the last SIGUSR2 to the file named by BENCH_LOOP_DELAY_FILE, and starts afresh.
// Plain JavaScript: it loads before the server registers its TypeScript loader.
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

const file = process.env.BENCH_LOOP_DELAY_FILE;
const delay = monitorEventLoopDelay({ resolution: 10 });
delay.enable();
let gc = { count: 0, totalMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count++;
    gc.totalMs += entry.duration;
    gc.maxMs = Math.max(gc.maxMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

process.on('SIGUSR2', () => {
  const ms = (ns) => ns / 1e6;
  if (file) {
    writeFileSync(file, JSON.stringify({
      p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), p999: ms(delay.percentile(99.9)), max: ms(delay.max), gc,
    }));
  }
  delay.reset();
  gc = { count: 0, totalMs: 0, maxMs: 0 };
});
