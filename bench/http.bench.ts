// The query path: a trivial APPSYNC_JS query (bench/http/hello.api.json: one resolver on the NONE data
// source) through HTTP, API-key auth, GraphQL parsing, validation and execution and the APPSYNC_JS runtime,
// against a bare node `http` server answering the same JSON, measured in the same run by the same load
// generator (http/load.ts, 50 keep-alive connections). Each server runs in a process of its own; the load
// generator in this one. Target (issue 14): ≥ 40 % of the bare server.
// The Amplify AppSync simulator is not a dependency; the README's benchmarks section says how to set it up
// for a comparison by hand.
// Run: npm run bench http   (BENCH_SECONDS=10 for a longer window; BENCH_PROFILE=dir to profile the server)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/support/server-process.ts';
import { load, type LoadResult } from './http/load.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;
const TARGET_RATIO = 0.4;
const root = fileURLToPath(new URL('..', import.meta.url));
const body = JSON.stringify({ query: 'query ($id: ID!) { hello(id: $id) { id text } }', variables: { id: 'h1' } });

/** Spawns a node process and resolves once it prints `ready` (a line matching it), with that line's match. */
async function startProcess(args: string[], ready: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      const found = output.match(ready);
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`exited (${code}): ${output}`)));
  });
  return { child, match };
}

const stop = async (child: ChildProcess) => {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
};

const dataDir = mkdtempSync(join(tmpdir(), 'handsup-bench-http-'));
const appsyncPort = await freePort();
const appsync = await startProcess(
  [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []),
    'local/bin/appsync-local.js', 'serve', 'bench/http/hello.api.json', '--port', String(appsyncPort), '--host', '127.0.0.1', '--data', dataDir],
  /API key:\s+(\S+)[\s\S]*Press Ctrl-C/,
);
const headers = { 'content-type': 'application/json', 'x-api-key': appsync.match[1]! };
let local: LoadResult;
let bare: LoadResult;
let answer: string;
try {
  // What is measured must work: the query answers, and the bare server answers the same bytes.
  const response = await fetch(`http://127.0.0.1:${appsyncPort}/graphql`, { method: 'POST', headers, body });
  answer = await response.text();
  if (answer !== '{"data":{"hello":{"id":"h1","text":"hello"}}}') throw new Error(`unexpected answer ${response.status}: ${answer}`);
  local = await load({ port: appsyncPort, path: '/graphql', headers, body, connections: CONNECTIONS, seconds: SECONDS, serverPid: appsync.child.pid });
} finally {
  await stop(appsync.child);
  rmSync(dataDir, { recursive: true, force: true });
}

const barePort = await freePort();
const bareServer = await startProcess(['-e', `
  const answer = ${JSON.stringify(answer)};
  require('node:http').createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString());
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) });
      res.end(answer);
    });
  }).listen(${barePort}, '127.0.0.1', () => console.log('ready'));
`], /ready/);
try {
  bare = await load({ port: barePort, path: '/graphql', headers, body, connections: CONNECTIONS, seconds: SECONDS, serverPid: bareServer.child.pid });
} finally {
  await stop(bareServer.child);
}

const ratio = local.perSecond / bare.perSecond;
const ok = (r: LoadResult) => (Object.keys(r.statuses).join(',') === '200' && r.errors === 0 ? 'all 200' : `statuses ${JSON.stringify(r.statuses)}, ${r.errors} errors`);
console.log(`A trivial APPSYNC_JS query, ${CONNECTIONS} keep-alive connections, ${SECONDS} s each, load average ${loadavg()[0]!.toFixed(1)} (shared 2-core machine: compare the ratios; CPU per answer is the steadier one).\n`);
const cpu = (r: LoadResult) => (r.cpuMicrosPerRequest === undefined ? 'n/a' : `${r.cpuMicrosPerRequest.toFixed(0)} µs`);
const cpuRatio = bare.cpuMicrosPerRequest && local.cpuMicrosPerRequest ? `${((bare.cpuMicrosPerRequest / local.cpuMicrosPerRequest) * 100).toFixed(0)} %` : 'n/a';
console.log('| server | req/s | server CPU per answer | answers | target |');
console.log('|---|---:|---:|---|---:|');
console.log(`| bare node \`http\`, the same JSON | ${bare.perSecond.toFixed(0)} | ${cpu(bare)} | ${ok(bare)} | (the limit) |`);
console.log(`| local AppSync: HTTP, API key, GraphQL, APPSYNC_JS | ${local.perSecond.toFixed(0)} | ${cpu(local)} | ${ok(local)} | |`);
console.log(`| local AppSync ÷ bare (CPU: bare ÷ local) | ${(ratio * 100).toFixed(0)} % | ${cpuRatio} | | ≥ ${TARGET_RATIO * 100} % |`);
console.log(`\nTarget ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}.`);
