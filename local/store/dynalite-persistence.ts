// How the embedded engine keeps its items: dynalite's own LevelDB, with reads served from memory and
// writes gathered into group commits. Profiling a vote (README, Benchmarks) put a third of the server's
// time in LevelDB calls on the main thread: each get takes a snapshot under LevelDB's lock, queues a job
// on the thread pool and decodes JSON, each put does the same, and a vote makes about a dozen of them
// (the table's description is read on every call, every item before its conditional update).
//
// Reads: every value read or written is kept as its JSON text. Only what LevelDB has acknowledged is kept:
// a write updates the cache when LevelDB answers, before its caller hears of it, so a read never sees a
// write that a kill -9 could still lose, and what survives a crash is exactly what survived before. A read
// that missed and went to LevelDB keeps its answer only if no write of that key finished meanwhile.
//
// Writes: while one batch is in LevelDB, the writes asked for meanwhile wait and then go as one batch (group
// commit: one thread-pool job and one log write for many). A write is acknowledged only once its batch is
// written, as before; a batch is atomic, so a crash keeps all of it or none of it.
//
// Hand-written because it sits inside dynalite's store object: no library plugs in there.
import { ByteBoundedCache } from '../cache/byte-bounded.ts';

type Callback = (error: Error | null, value?: unknown) => void;
type Operation = { type: 'put' | 'del'; key: string; value?: unknown; valueEncoding?: string };
/** dynalite's LevelDB with its callback methods (dynalite/db wraps Level's promises in them). */
export type DynaliteLevel = {
  get(key: string, cb: Callback): void;
  put(key: string, value: unknown, cb: Callback): void;
  del(key: string, cb: Callback): void;
  batch(operations: Operation[], cb: Callback): void;
  /** abstract-level's synchronous read: the value's text at once, undefined when absent. */
  getSync(key: string, options: { valueEncoding: 'utf8' }): string | undefined;
  status: string;
};

/** What the kept values may hold together: tens of thousands of a room's items, far below a laptop's memory. */
export const READ_CACHE_BUDGET_BYTES = 64 * 1024 * 1024;
/** DynamoDB's item limit is 400 KB; anything larger is read from LevelDB each time. */
const MAX_ENTRY_BYTES = 1024 * 1024;
/** Kept for a key LevelDB does not hold: the first answer of a participant reads one. */
const ABSENT = '';

/** Puts the read cache and the group commit between dynalite's store object and its LevelDB. `syncReads`: a
 *  miss reads LevelDB at once (getSync) instead of through the thread pool, for a store on a thread of its own. */
export function speedUpPersistence(level: DynaliteLevel, { syncReads = false } = {}): void {
  const kept = new ByteBoundedCache<string>(READ_CACHE_BUDGET_BYTES, MAX_ENTRY_BYTES);
  // A miss in flight per key; a finished write of the key takes its mark away.
  const misses = new Map<string, object>();
  const keep = (key: string, text: string) => kept.set(key, text, text.length * 2 + key.length * 2 + 64);
  const written = (key: string, text: string | undefined) => {
    misses.delete(key);
    if (text === undefined) kept.delete(key);
    else keep(key, text);
  };

  const { get, put, del, batch } = level;
  // Level itself calls these again with options in place of the callback for what was asked of it while it
  // opened: those go to Level as they are (nothing is kept before it has opened).
  const fromLevel = (cb: unknown) => typeof cb !== 'function';

  // A miss read at once: on the store's thread (dynalite-worker.ts), where blocking holds only the store. The
  // async read costs far more than the read itself: a snapshot and a thread-pool job under LevelDB's lock, a
  // promise and a setImmediate in dynalite's wrapper; profiled on that thread, a quarter of its time per vote
  // went there (the ballot's conditional put reads a key nobody wrote yet). LevelDB's own state is read, as
  // the async read does: a write shows once in its log, which a kill -9 does not undo.
  const readNow = (key: string) => {
    if (!syncReads || level.status !== 'open') return undefined;
    try {
      const text = level.getSync(key, { valueEncoding: 'utf8' }) ?? ABSENT;
      misses.delete(key);
      keep(key, text);
      return text;
    } catch {
      return undefined; // the async path reports it, as dynalite words it
    }
  };

  level.get = (key, cb) => {
    if (fromLevel(cb)) return get.call(level, key, cb);
    const text = kept.get(key) ?? readNow(key);
    if (text !== undefined) {
      queueMicrotask(() => cb(null, text === ABSENT ? undefined : JSON.parse(text)));
      return;
    }
    const mark = {};
    misses.set(key, mark);
    get.call(level, key, (error, value) => {
      if (misses.get(key) === mark) {
        misses.delete(key);
        if (!error) keep(key, value === undefined ? ABSENT : JSON.stringify(value));
      }
      cb(error, value);
    });
  };

  // Group commit. Each write is encoded when it is asked for (as Level would: the caller may change the
  // object after) and goes to LevelDB as that text.
  type Pending = { ops: Operation[]; texts: string[]; callbacks: Callback[] };
  let waiting: Pending | null = null;
  let writing = false;
  const commit = (group: Pending) => {
    writing = true;
    batch.call(level, group.ops, (error) => {
      group.ops.forEach((op, i) => written(op.key, error ? undefined : group.texts[i]));
      writing = false;
      const next = waiting;
      waiting = null;
      if (next) commit(next);
      for (const cb of group.callbacks) cb(error);
    });
  };
  const write = (ops: Operation[], cb: Callback) => {
    const texts = ops.map((op) => (op.type === 'put' ? JSON.stringify(op.value) : ABSENT));
    const encoded = ops.map((op, i) => (op.type === 'put' ? { type: 'put' as const, key: op.key, value: texts[i], valueEncoding: 'utf8' } : { type: 'del' as const, key: op.key }));
    if (!writing) return commit({ ops: encoded, texts, callbacks: [cb] });
    waiting ??= { ops: [], texts: [], callbacks: [] };
    waiting.ops.push(...encoded);
    waiting.texts.push(...texts);
    waiting.callbacks.push(cb);
  };
  level.put = (key, value, cb) => (fromLevel(cb) ? put.call(level, key, value, cb) : write([{ type: 'put', key, value }], cb));
  level.del = (key, cb) => (fromLevel(cb) ? del.call(level, key, cb) : write([{ type: 'del', key }], cb));
  level.batch = (operations, cb) => (fromLevel(cb) ? batch.call(level, operations, cb) : write(operations, cb));
}
