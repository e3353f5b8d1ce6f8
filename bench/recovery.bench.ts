// Recovery after an outage, in a real browser: the big screen of an open poll,
// the server stopped for 10 s (longer than aws-amplify's one quick retry), then
// restarted on the same port and data; timed from the restart to the screen
// showing a vote cast right after it. Target: ≤ 5 s (aws-amplify alone waits
// for its next retry, 60 s later).
// Run: npm run bench recovery   (BENCH_OUTAGES=5 for more runs)
import { buildWeb, launchChromium } from '../test/web/browser.ts';
import { outageOnTheBigScreen } from '../test/web/outage.ts';

const RUNS = Number(process.env.BENCH_OUTAGES ?? 3);
const OUTAGE_MS = 10_000;
const TARGET_MS = 5_000;

const build = await buildWeb();
const browser = await launchChromium();
const times: number[] = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const outage = await outageOnTheBigScreen({ browser, webRoot: build.webRoot, outageMs: OUTAGE_MS });
    times.push(outage.recoveredMs);
    await outage.close();
  }
} finally {
  await browser.close();
  await build.remove();
}
const sorted = [...times].sort((a, b) => a - b);
const worst = sorted.at(-1)!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`| measure (${RUNS} outages of ${OUTAGE_MS / 1000} s) | median | worst | target |`);
console.log('|---|---:|---:|---:|');
console.log(`| restart → big screen shows a vote cast after it | ${seconds(sorted[Math.floor(sorted.length / 2)]!)} | ${seconds(worst)} | ≤ ${seconds(TARGET_MS)} ${worst <= TARGET_MS ? '✓' : '✗'} |`);
