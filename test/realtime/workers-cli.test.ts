// `appsync-local serve --realtime-workers <n>`: the real-time sockets in n worker
// processes, the protocol as always; the workers end with the server.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProtocolClient } from '../support/protocol-client.ts';
import { writeRealtimeApi } from '../support/realtime-api.ts';
import { serveCli } from '../support/serve-cli.ts';

const declaration = writeRealtimeApi();

const serve = (args: string[]) => serveCli(declaration, args);

/** The socket worker processes a process started (Linux /proc). */
function socketWorkers(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  return children.filter((child) => {
    try {
      return readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('socket-worker.js');
    } catch {
      return false;
    }
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.concurrent('appsync-local serve --realtime-workers', () => {
  it.skipIf(process.platform !== 'linux')('serves subscriptions from that many worker processes, which end with the server', async () => {
    const { child, started, exited } = serve(['--realtime-workers', '2']);
    let workers: number[] = [];
    try {
      const output = await started;
      expect(output).toContain('Real-time sockets in 2 worker processes (--realtime-workers)');
      workers = socketWorkers(child.pid!);
      expect(workers).toHaveLength(2);
      const url = /GraphQL:\s+(\S+)/.exec(output)![1]!;
      const realtimeUrl = /Real-time:\s+(\S+)/.exec(output)![1]!;
      const apiKey = /API key:\s+(\S+)/.exec(output)![1]!;
      const client = await ProtocolClient.connect(realtimeUrl, { apiKey });
      await client.init();
      await client.subscribe('cli', 'subscription { onItem(group: "cli") { id group } }');
      const published = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({ query: 'mutation { publishItem(id: "w", title: "From a worker", group: "cli") { id group } }' }),
      });
      expect(await published.json()).toEqual({ data: { publishItem: { id: 'w', group: 'cli' } } });
      expect(await client.framesUntilSettled()).toEqual([{ type: 'data', id: 'cli', payload: { data: { onItem: { id: 'w', group: 'cli' } } } }]);
      client.close();
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    for (let waited = 0; workers.some(alive) && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(workers.filter(alive)).toEqual([]);
  }, 120_000);

  it('refuses a count that is not a whole number of 1 or more', async () => {
    const { code, output } = await serve(['--realtime-workers', '0']).exited;
    expect(code).toBe(2);
    expect(output).toContain('Invalid --realtime-workers 0');
  }, 60_000);
});
