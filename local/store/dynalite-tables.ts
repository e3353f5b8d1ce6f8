// Table descriptions kept in memory for dynalite's item actions. Every GetItem, PutItem, UpdateItem, DeleteItem,
// Query, Scan, BatchGetItem and BatchWriteItem starts with store.getTable(name, cb), which reads the table's
// description from LevelDB (from memory with dynalite-persistence.ts, but decoded from JSON each time: several
// times a vote, for a description that changes only on CreateTable, UpdateTable and DeleteTable).
//
// Kept: the description dynalite's own getTable answered to an item action, per table, until the next write of
// that table's description (every write of one goes through store.tableDb: CreateTable, UpdateTable, DeleteTable
// and their delayed status changes). A read that started before such a write is not kept. Item actions only read
// the description (dynalite's actions assign to a table only in CreateTable, UpdateTable and DeleteTable, which
// call getTable(name, false, cb) and so always get a fresh copy, as do DescribeTable and the tag actions, whose
// answer carries the object to the caller). Errors (no such table, a table still CREATING or DELETING) are not kept.
//
// Hand-written because it wraps dynalite's store object: no library plugs in there.

type Callback = (error: Error | null, value?: unknown) => void;
type TableDb = {
  put(key: string, value: unknown, cb: Callback): void;
  del(key: string, cb: Callback): void;
  batch?(operations: { key: string }[], cb: Callback): void;
};
/** The part of dynalite's store object this touches. */
export type DynaliteTables = {
  tableDb: TableDb;
  getTable(name: string, checkStatus: boolean | Callback, cb?: Callback): void;
};

/** Tables kept at most; a store holds a handful (issue 11: every cache bounded). */
const MAX_TABLES = 256;

export function keepTableDescriptions(store: DynaliteTables): void {
  const kept = new Map<string, unknown>();
  // Bumped by every write of a description, at its start and its end: a read that began in another
  // generation may hold a description from before the write.
  let generation = 0;
  const bump = (name: string) => {
    kept.delete(name);
    generation++;
  };

  const { tableDb, getTable } = store;
  const { put, del, batch } = tableDb;
  tableDb.put = (key, value, cb) => {
    bump(key);
    put.call(tableDb, key, value, (error) => (bump(key), cb(error)));
  };
  tableDb.del = (key, cb) => {
    bump(key);
    del.call(tableDb, key, (error) => (bump(key), cb(error)));
  };
  if (batch) {
    tableDb.batch = (operations, cb) => {
      for (const op of operations) bump(op.key);
      batch.call(tableDb, operations, (error) => {
        for (const op of operations) bump(op.key);
        cb(error);
      });
    };
  }

  store.getTable = (name, checkStatus, cb) => {
    // getTable(name, cb): an item action, which checks the table is ACTIVE or UPDATING and only reads it.
    if (typeof checkStatus !== 'function') return getTable.call(store, name, checkStatus, cb);
    const done = checkStatus;
    const table = kept.get(name);
    if (table !== undefined) return queueMicrotask(() => done(null, table));
    const began = generation;
    getTable.call(store, name, (error: Error | null, found?: unknown) => {
      if (!error && found && generation === began) {
        if (kept.size >= MAX_TABLES) kept.delete(kept.keys().next().value!);
        kept.set(name, found);
      }
      done(error, found);
    });
  };
}
