// The parsed-document cache is bounded by bytes: a stream of distinct documents,
// each refused by validation, leaves the server's heap flat, whatever their size.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

type Probe = { before: number; after: number; refused: number; servedAfter: boolean };

async function probe(count: number, chars: number): Promise<Probe> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'test/isolation/heap-probe.ts', String(count), String(chars)],
    { maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

const MB = 1024 * 1024;

describe('the document cache under a stream of distinct documents', () => {
  // A 370 KB document holds ~40 MB of heap once parsed: kept by count, these 12 held 450 MB.
  it('keeps no large document: 12 distinct 370 KB queries grow the heap by less than 16 MB', { timeout: 120_000 }, async () => {
    const { before, after, refused, servedAfter } = await probe(12, 370_000);
    expect(refused).toBe(12);
    expect(after - before).toBeLessThan(16 * MB);
    expect(servedAfter).toBe(true);
  });

  // Kept by count, these 300 held 450 MB; the budget is 32 MB (estimated) for parses, validations' errors share them.
  it('keeps small documents within its byte budget: 300 distinct 12 KB queries grow the heap by less than 64 MB', { timeout: 120_000 }, async () => {
    const { before, after, refused, servedAfter } = await probe(300, 12_000);
    expect(refused).toBe(300);
    expect(after - before).toBeLessThan(64 * MB);
    expect(servedAfter).toBe(true);
  });
});
