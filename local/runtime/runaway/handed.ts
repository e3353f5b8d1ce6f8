// What a handler is handed that it can change, kept so that a run moved to a worker
// (index.ts) starts again from it rather than from what the stopped run changed.
//
// The parts every handler of a field shares (args, source, identity, stash, request
// headers, info.variables) are copied once and the copy handed on for as long as none of
// their objects is written: the realm counts every write to an object a copy walked
// (Clock.writes: syntax that writes a property, built-ins that change their receiver or
// argument, the host's own writes), and only a changed count makes a new copy. So a
// pipeline's functions that only read the stash share one copy of it, and a field's
// first handler, handed copies into the realm of host values that nothing has changed
// since (createFieldRun), is handed those host values, as is every handler after it
// until something writes. What each handler is given of its own (prev, result, error:
// another handler's value, which this one may change) is copied every time.
import type { Context, FieldRun } from '../context.ts';
import type { Realm } from '../sandbox.ts';

/** The parts every handler of a field shares, as data. */
export type SharedParts = { arguments: unknown; source: unknown; identity: unknown; stash: unknown; headers: unknown; variables: unknown };

/** What a handler is handed that it can change, as data. */
export type Handed = SharedParts & { prev: unknown; result: unknown; error: unknown };

const EMPTY_STASH = Object.freeze({});

/**
 * The shared parts of a field's run just made, as the host gave them, when they are all host data
 * (none of them a realm object a handler could change): its source is null, as a root field's is.
 */
export function givenParts(args: unknown, source: unknown, identity: unknown, headers: unknown, variables: unknown): SharedParts | undefined {
  if (source !== null && source !== undefined) return undefined;
  return { arguments: args, source: null, identity, stash: EMPTY_STASH, headers, variables };
}

const isObject = (value: unknown) => typeof value === 'object' && value !== null;

/**
 * What the handler about to run on ctx is handed (`run`: the field's run ctx was made from, if
 * known: its last copy of the shared parts is reused while nothing wrote to them). Undefined when
 * the parts cannot be copied (circular): the move then copies ctx as the stopped run left it.
 */
export function handedOf(realm: Realm, ctx: Context, run?: Pick<FieldRun, 'handed' | 'handedAt'>): Handed | undefined {
  const { prev, result, error } = ctx;
  // Without the run there is no copy to keep: all of it at once, as before (its objects need not be noted).
  if (!run) {
    return realm.internals.snapshot({ arguments: ctx.arguments, source: ctx.source, identity: ctx.identity, stash: ctx.stash, prev, result, error,
      headers: ctx.request.headers, variables: (ctx.info as { variables?: unknown }).variables }) as Handed | undefined;
  }
  const own = isObject(prev.result) || isObject(result) || error
    ? (realm.internals.snapshot({ prev, result, error }) as Pick<Handed, 'prev' | 'result' | 'error'> | undefined)
    : { prev: { result: prev.result }, result, error };
  if (!own) return undefined;
  let shared = run.handed;
  if (!shared || (run.handedAt !== undefined && run.handedAt !== realm.clock.writes)) {
    shared = run.handed = realm.internals.shareable(ctx) as SharedParts | undefined;
    if (!shared) return undefined;
  }
  // From here on, a write to the parts makes the next handler's copy.
  run.handedAt = realm.clock.writes;
  // Written out: V8 (Node 20) takes microseconds for an object spread that more properties follow.
  return { arguments: shared.arguments, source: shared.source, identity: shared.identity, stash: shared.stash, headers: shared.headers, variables: shared.variables,
    prev: own.prev, result: own.result, error: own.error };
}
