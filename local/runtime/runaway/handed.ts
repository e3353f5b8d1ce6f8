// What a handler is handed that it can change, kept so that a run moved to a worker
// (index.ts) starts again from it rather than from what the stopped run changed.
//
// Copied before the handler runs, except where the host already holds it: a field's
// first handler is handed args, identity, request headers and info.variables as
// copies into the realm of host values that nothing has changed since (createFieldRun),
// and an empty stash, so those host values are what it was handed, as they are; only
// the parts that are objects of the realm are copied (a source, prev or result may be
// another handler's value, which this one may change). Every later handler of the field
// (the response handler, a pipeline's functions) is handed parts an earlier one may have
// changed: they are copied. A unit resolver's request handler, the most common, costs no copy.
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
 * known). Undefined when the parts cannot be copied (circular): the move then copies ctx as the
 * stopped run left it.
 */
export function handedOf(realm: Realm, ctx: Context, run?: Pick<FieldRun, 'handed'>): Handed | undefined {
  const given = run?.handed;
  // Taken once: the handler about to run may change what the next one is handed.
  if (run) run.handed = undefined;
  const { prev, result, error } = ctx;
  if (!given) {
    return realm.internals.snapshot({
      arguments: ctx.arguments,
      source: ctx.source,
      identity: ctx.identity,
      stash: ctx.stash,
      prev,
      result,
      error,
      headers: ctx.request.headers,
      variables: (ctx.info as { variables?: unknown }).variables,
    }) as Handed | undefined;
  }
  const own = isObject(prev.result) || isObject(result) || error
    ? (realm.internals.snapshot({ prev, result, error }) as Pick<Handed, 'prev' | 'result' | 'error'> | undefined)
    : { prev: { result: prev.result }, result, error };
  if (!own) return undefined;
  // Written out: V8 (Node 20) takes microseconds for an object spread that more properties follow.
  return { arguments: given.arguments, source: given.source, identity: given.identity, stash: given.stash, headers: given.headers, variables: given.variables,
    prev: own.prev, result: own.result, error: own.error };
}
