// CPU time a process has used, its main thread apart from all its threads, read from /proc (Linux;
// null elsewhere). On a loaded shared machine answers/s swing with the neighbours' load, CPU time per
// answer much less: the main thread's share bounds what one process serves with a core to itself, the
// sum over every thread (store thread, libuv pool, GC helpers) is what an answer costs the machine.
import { readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

export type ThreadCpu = { main: number; all: number };

const ticks = (path: string) => {
  const stat = readFileSync(path, 'utf8');
  // Fields after the command name (which may hold spaces, inside parentheses): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
};

/** Milliseconds of CPU (user + system) used so far by `pid`'s main thread, and by the whole process (threads that ended included). */
export function threadCpu(pid: number): ThreadCpu | null {
  try {
    return { main: ticks(`/proc/${pid}/task/${pid}/stat`), all: ticks(`/proc/${pid}/stat`) };
  } catch {
    return null;
  }
}

/** What was used between two readings. */
export const cpuSince = (before: ThreadCpu | null, after: ThreadCpu | null): ThreadCpu =>
  before && after ? { main: after.main - before.main, all: after.all - before.all } : { main: NaN, all: NaN };
