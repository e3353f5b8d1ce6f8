// A closed-loop HTTP/1.1 load generator: `connections` keep-alive sockets, each sending the same request
// again as soon as its answer is in. Hand-written because autocannon (the well-kept one) cannot be added
// here without npm rewriting @aws-amplify's bundled dependencies in the lock file, and Node's own http
// client costs more per request than a bare server does to answer it: the bench would measure the client.
// It reads only what it needs: the status line and the body's end (Content-Length, or a chunked JSON answer's
// last chunk: JSON text holds no raw line break, so the first CRLF 0 CRLF CRLF after the head ends it).
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';

export type LoadResult = {
  requests: number;
  perSecond: number;
  errors: number;
  statuses: Record<number, number>;
  /** The server's CPU time (user + system) per answer in the measured window, in µs, when `serverCpu` is given. */
  cpuMicrosPerRequest?: number;
};

/**
 * A process's CPU time so far (user + system, in µs), read from /proc (Linux); undefined elsewhere. CPU time
 * per answer is the figure to compare on a loaded machine: the answers per second follow whatever else runs.
 */
export function processCpuMicros(pid: number): number | undefined {
  try {
    // Fields 14 and 15 (utime, stime) in clock ticks, after the command name's closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
const WARM_UP_ANSWERS = 3000;

/** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every common architecture. */
const TICKS_PER_SECOND = 100;

export async function load(options: {
  port: number;
  path: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  seconds: number;
  /** The server's process id, to report its CPU time per answer. */
  serverPid?: number;
}): Promise<LoadResult> {
  const head = [`POST ${options.path} HTTP/1.1`, `host: 127.0.0.1:${options.port}`, `content-length: ${Buffer.byteLength(options.body)}`,
    ...Object.entries(options.headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  const request = Buffer.from(`${head}\r\n\r\n${options.body}`);
  const result: LoadResult = { requests: 0, perSecond: 0, errors: 0, statuses: {} };
  let running = true;
  const sockets: Socket[] = [];

  const drive = (socket: Socket) => {
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      for (;;) {
        const end = buffered.indexOf('\r\n\r\n');
        if (end < 0) return;
        const header = buffered.subarray(0, end).toString('latin1');
        const length = /\r\ncontent-length:\s*(\d+)/i.exec(header)?.[1];
        let next: number;
        if (length !== undefined) next = end + 4 + Number(length);
        else {
          const last = buffered.indexOf('\r\n0\r\n\r\n', end + 4);
          next = last < 0 ? Infinity : last + 7;
        }
        if (buffered.length < next) return;
        buffered = buffered.subarray(next);
        const status = Number(header.slice(9, 12));
        result.statuses[status] = (result.statuses[status] ?? 0) + 1;
        result.requests++;
        if (running) socket.write(request);
      }
    });
    socket.write(request);
  };

  for (let i = 0; i < options.connections; i++) {
    const socket = connect(options.port, '127.0.0.1');
    socket.setNoDelay(true);
    socket.on('error', () => void (running && result.errors++));
    sockets.push(socket);
    socket.once('connect', () => drive(socket));
  }
  // A warm-up (JIT, caches, modules the first request loads) of a second and WARM_UP_ANSWERS answers, whichever
  // is longer (on a loaded machine a second may not see the first answer), then the measured window.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  while (result.requests < WARM_UP_ANSWERS && result.errors === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  const counted = result.requests;
  const cpuAtStart = options.serverPid === undefined ? undefined : processCpuMicros(options.serverPid);
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
  result.perSecond = (result.requests - counted) / ((performance.now() - started) / 1000);
  const cpuAtEnd = options.serverPid === undefined ? undefined : processCpuMicros(options.serverPid);
  if (cpuAtStart !== undefined && cpuAtEnd !== undefined) result.cpuMicrosPerRequest = (cpuAtEnd - cpuAtStart) / (result.requests - counted);
  running = false;
  for (const socket of sockets) socket.destroy();
  return result;
}
