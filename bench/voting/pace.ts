// Load and its figures, shared by every row of the voting bench.

/** Runs `task` for each of `count` items with `concurrency` in flight; answers items per second. */
export async function pace(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) await task(i);
    }),
  );
  return count / ((performance.now() - started) / 1000);
}

export const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Infinity;

/** Something seen at a moment, known by what it says (a payload as JSON text). */
export type Sighting = { key: string; at: number };

/**
 * The delay from each acknowledgement to the subscription message carrying the same payload
 * (a subscription message is the mutation's answer, pushed): each message matches one
 * acknowledgement, the earliest message first; one never received is Infinity. Sorted.
 */
export function pushDelays(acknowledged: Sighting[], shown: Sighting[]): number[] {
  const waiting = new Map<string, number[]>();
  for (const message of [...shown].sort((a, b) => a.at - b.at)) {
    const list = waiting.get(message.key) ?? [];
    list.push(message.at);
    waiting.set(message.key, list);
  }
  return acknowledged
    .map((ack) => {
      const at = waiting.get(ack.key)?.shift();
      return at === undefined ? Infinity : Math.max(0, at - ack.at);
    })
    .sort((a, b) => a - b);
}
