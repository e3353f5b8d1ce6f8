// Identical reads in flight at once are asked of the store once. 10,000 big screens subscribing to one
// question each run the subscription resolver, as AppSync does per start, and each resolver reads the same
// event and question items: a burst of starts on one connection sends dozens of identical BatchGetItems
// before the first is answered. Here a GetItem or BatchGetItem whose input is the same as one still in
// flight shares that call's answer.
//
// Consistency is kept exactly: a read may share only with a read issued since the last write was issued or
// answered (a "generation"), so a read never misses a write that completed before it was issued — the
// guarantee a ConsistentRead gives — and an eventually consistent read gets no staler answer than it could
// have got alone. Answers are shared read-only: the data source builds its own values from them.
//
// Hand-written rather than DataLoader (used by the Lambda data source): DataLoader batches per tick, which
// would delay every read by a tick; what is needed here is only "join the identical call in flight".
import type { DynamoDbEngine } from './engine.ts';

const READS = new Set(['GetItem', 'BatchGetItem']);

export function coalesceReads(engine: DynamoDbEngine): DynamoDbEngine {
  const inFlight = new Map<string, Promise<unknown>>();
  let generation = 0;
  const write = <T>(answer: Promise<T>) => {
    generation++;
    const settled = () => void generation++;
    answer.then(settled, settled);
    return answer;
  };
  return Object.assign(Object.create(engine) as DynamoDbEngine, {
    call<T>(action: string, input: Record<string, unknown>): Promise<T> {
      if (!READS.has(action)) return write(engine.call<T>(action, input));
      const key = `${generation} ${action} ${JSON.stringify(input)}`;
      const shared = inFlight.get(key);
      if (shared) return shared as Promise<T>;
      const answer = engine.call<T>(action, input);
      inFlight.set(key, answer);
      const done = () => void inFlight.delete(key);
      answer.then(done, done);
      return answer;
    },
  });
}
