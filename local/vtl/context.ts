// `$context` (`$ctx`) of a mapping template (resolver-context-reference.html): arguments,
// source, identity, request, info, stash, prev.result, result and error, env — the same
// parts the JS runtime's ctx holds, read out of the realm as plain host values. A VTL
// and a JS step of one pipeline share the stash: a template works on a copy that is
// written back into the realm after it ran, so JS code never holds a host object.
import { handlerContext, type FieldRun } from '../runtime/context.ts';
import type { RealmFieldRun } from '../runtime/sandbox.ts';
import { vtlExtensions } from './extensions.ts';
import { vtlUtil } from './util.ts';

type Obj = Record<string, unknown>;

export type VtlContext = {
  arguments: Obj;
  args: Obj;
  source: unknown;
  identity: unknown;
  request: unknown;
  info: Obj;
  stash: Obj;
  prev: { result: unknown };
  env: Obj;
  result?: unknown;
  error?: { message: string; type: string } | null;
};

/** A deep copy of plain data (functions dropped): host values out of realm values, or JSON-safe ones. */
export function copy(value: unknown): any {
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  if (Array.isArray(value)) return value.map(copy);
  const out: Obj = {};
  for (const key of Object.keys(value)) {
    const item = copy((value as Obj)[key]);
    if (item !== undefined) out[key] = item;
  }
  return out;
}

/**
 * $ctx.info: the selection set (its list, and its text printed from the query) is made
 * when a template first reads it, not for every field — Amplify's templates never do.
 */
function lazyInfo(info: Obj): Obj {
  const out: Obj = { fieldName: info.fieldName, parentTypeName: info.parentTypeName, variables: copy(info.variables) };
  let list: unknown;
  let text: unknown;
  Object.defineProperty(out, 'selectionSetList', { enumerable: true, get: () => (list ??= copy(info.selectionSetList)) });
  Object.defineProperty(out, 'selectionSetGraphQL', { enumerable: true, get: () => (text ??= info.selectionSetGraphQL) });
  return out;
}

/** The parts that stay the same through a field's steps, copied once per field. */
type FieldParts = Omit<VtlContext, 'stash' | 'prev' | 'result' | 'error'> & { realmStash: Obj };
const fieldParts = new WeakMap<RealmFieldRun, FieldParts>();

function partsOf(run: FieldRun): FieldParts {
  let parts = fieldParts.get(run.parts);
  if (!parts) {
    const js = handlerContext(run, { prev: null }) as unknown as Obj & { info: Obj; stash: Obj };
    const args = copy(js.arguments);
    const info = js.info;
    parts = {
      arguments: args,
      args,
      source: copy(js.source),
      identity: copy(js.identity),
      request: copy(js.request),
      info: lazyInfo(info),
      env: copy(js.env),
      // The realm's stash object lasts as long as the field's run.
      realmStash: js.stash,
    };
    fieldParts.set(run.parts, parts);
  }
  return parts;
}

export function contextOfStep(run: FieldRun, step: { prev: unknown; result?: unknown; error?: VtlContext['error'] }): VtlContext {
  const { realmStash, ...parts } = partsOf(run);
  const ctx: VtlContext = { ...parts, stash: copy(realmStash), prev: { result: copy(step.prev) } };
  if ('result' in step) ctx.result = copy(step.result);
  if (step.error) ctx.error = { message: step.error.message, type: step.error.type };
  return ctx;
}

/** After a template ran: its stash becomes the realm's, for the JS steps that follow (toRealm makes realm copies of host values). */
export function writeBackStash(run: FieldRun, ctx: VtlContext) {
  // The JS handler after it is handed this stash, not the empty one the run began with (runaway/handed.ts).
  run.handed = undefined;
  run.realm.clock.writes++;
  const { realmStash } = partsOf(run);
  for (const key of Object.keys(realmStash)) delete realmStash[key];
  for (const [key, value] of Object.entries(ctx.stash)) realmStash[key] = run.realm.internals.toRealm(value);
}

/** A context given whole as JSON (evaluate-mapping-template's --context), with AppSync's defaults. */
export function contextOfJson(json: Obj): VtlContext {
  const args = copy(json.arguments ?? json.args ?? {});
  const ctx: VtlContext = {
    arguments: args,
    args,
    source: copy(json.source ?? null),
    identity: copy(json.identity ?? null),
    request: copy(json.request ?? { headers: {} }),
    info: copy(json.info ?? {}),
    stash: copy(json.stash ?? {}),
    prev: copy(json.prev ?? { result: null }),
    env: copy(json.env ?? {}),
  };
  if ('result' in json) ctx.result = copy(json.result);
  if (json.error) ctx.error = copy(json.error);
  return ctx;
}

/** The variables a template sees. */
export function templateVariables(ctx: VtlContext): Obj {
  return { context: ctx, ctx, util: vtlUtil, utils: vtlUtil, extensions: vtlExtensions };
}
