// The embedded default engine: dynalite, in this process and without a socket — its validations and
// actions called as its own HTTP handler calls them, with no HTTP, no JSON text and no loopback hop in
// between. Same store (a LevelDB folder, or memory when no folder is given), same answers, same errors.
// bench/datasource.bench.ts measures this path at about twice the throughput of dynalite's HTTP API
// (dynalite-http.ts), whose HTTP layer was the first bottleneck once the AWS SDK was off the hot path.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ExpressionMemo, withExpressionMemo } from './dynalite-expressions.ts';
import { speedUpPersistence, type DynaliteLevel } from './dynalite-persistence.ts';
import { keepTableDescriptions, type DynaliteTables } from './dynalite-tables.ts';
import { DynamoDbEngineError, type DynamoDbEngine } from './engine.ts';

const require = createRequire(import.meta.url);

type Callback = (error: (Error & { statusCode?: number; body?: Record<string, unknown> }) | null, data?: unknown) => void;
type Store = DynaliteTables & { db: DynaliteLevel & { close(cb: (error?: Error) => void): void } };
type Validation = { types: unknown; custom?: unknown };

const db = require('dynalite/db') as { create(options: Record<string, unknown>): Store };
const validations = require('dynalite/validations') as {
  checkTypes(data: unknown, types: unknown): Record<string, unknown>;
  checkValidations(data: unknown, types: unknown, custom: unknown, store: Store): void;
  toLowerFirst(name: string): string;
};

const actions = new Map<string, { run: (store: Store, data: unknown, cb: Callback) => void; validation: Validation }>();
function action(name: string) {
  let found = actions.get(name);
  if (!found) {
    const file = validations.toLowerFirst(name);
    try {
      found = { run: require(`dynalite/actions/${file}`), validation: require(`dynalite/validations/${file}`) };
    } catch {
      throw new DynamoDbEngineError('UnknownOperationException', '');
    }
    actions.set(name, found);
  }
  return found;
}

const NO_TRANSACTIONS = (action: string) =>
  `${action} is not available on the dynalite engine: dynalite 4 does not implement DynamoDB transactions. ` +
  `Run the local AppSync on DynamoDB Local for transactions: \`appsync-local serve --engine dynamodb-local\` ` +
  `(startLocalAppSync({ engine: 'dynamodb-local' })), which needs Java 17 or later.`;

/** What dynalite lacks among the actions AppSync's request objects use. */
export const DYNALITE_UNSUPPORTED = {
  TransactGetItems: NO_TRANSACTIONS('TransactGetItems'),
  TransactWriteItems: NO_TRANSACTIONS('TransactWriteItems'),
  // No TTL either: the declared timeToLiveAttribute is kept as data, and items do not expire.
  UpdateTimeToLive: 'dynalite 4 does not implement time to live; items do not expire on this engine.',
};

export async function startDynalite(options: {
  path: string | null;
  /** dynalite as it ships (its own LevelDB calls, expression parses and table reads; no read cache, group
   *  commit or memos): the benches' baseline. */
  asShipped?: boolean;
  /** false: dynalite parses every expression and reads every table description (bench/voting/store-cpu.ts's baseline). */
  memos?: boolean;
  /** Misses read LevelDB at once (dynalite-persistence.ts): for the store's own thread only. */
  syncReads?: boolean;
}): Promise<DynamoDbEngine> {
  if (options.path) mkdirSync(options.path, { recursive: true });
  const store = db.create({ path: options.path ?? undefined, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  if (!options.asShipped) speedUpPersistence(store.db, { syncReads: options.syncReads });
  const memos = !options.asShipped && options.memos !== false;
  if (memos) keepTableDescriptions(store);
  const expressions = memos ? new ExpressionMemo() : null;
  return {
    name: 'dynalite',
    unsupported: DYNALITE_UNSUPPORTED,
    call(name, input) {
      return new Promise((resolve, reject) => {
        try {
          const { run, validation } = action(name);
          // dynalite's type check rebuilds every map, list and attribute value it keeps (dropping unknown and
          // null fields of the objects it is given), so no deep copy is needed: a shallow one spares the caller's.
          const data = validations.checkTypes({ ...input }, validation.types);
          withExpressionMemo(expressions, () => validations.checkValidations(data, validation.types, validation.custom, store));
          run(store, data, (error, answer) => (error ? reject(toEngineError(error)) : resolve(answer as never)));
        } catch (error) {
          reject(toEngineError(error as Error));
        }
      });
    },
    close: () => new Promise<void>((done) => store.db.close(() => done())),
  };
}

function toEngineError(error: Error & { statusCode?: number; body?: Record<string, unknown> }) {
  if (error instanceof DynamoDbEngineError) return error;
  if (!error.statusCode || !error.body) return new DynamoDbEngineError('InternalServerError', `dynalite: ${error.message}`);
  const type = String(error.body.__type ?? 'InternalServerError').split('#').pop()!;
  return new DynamoDbEngineError(type, String(error.body.message ?? error.body.Message ?? ''));
}
