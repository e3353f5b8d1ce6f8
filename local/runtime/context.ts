// The `ctx` a handler receives (devguide/resolver-context-reference-js.html).
import { print, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { givenParts, type SharedParts } from './runaway/handed.ts';
import type { Realm, RealmFieldRun } from './sandbox.ts';

export type Identity = Record<string, unknown> | null;

export type RequestScope = {
  headers: Record<string, string>;
  domainName: string | null;
  identity: Identity;
  env: Record<string, string>;
};

export type FieldScope = {
  parentTypeName: string;
  fieldName: string;
  variables: Record<string, unknown>;
  fieldNodes: readonly FieldNode[];
  fragments: Record<string, FragmentDefinitionNode>;
};

export type Context = {
  arguments: Record<string, unknown>;
  args: Record<string, unknown>;
  source: unknown;
  stash: Record<string, unknown>;
  prev: { result: unknown };
  result?: unknown;
  error?: { message: string; type: string };
  identity: Identity;
  request: { headers: Record<string, string>; domainName: string | null };
  info: Record<string, unknown>;
  env: Record<string, string>;
};

/**
 * The parts of ctx shared by every handler of one field's resolution, made in the realm that runs them;
 * `handed`, those parts as data: as the host gave them, then the last copy of them (runaway/handed.ts),
 * which holds while the realm's count of writes to them (`Clock.writes`) is still `handedAt` (undefined:
 * not yet handed, the host's values hold).
 */
export type FieldRun = { realm: Realm; parts: RealmFieldRun; handed?: SharedParts; handedAt?: number };

export function createFieldRun(
  realm: Realm,
  args: Record<string, unknown>,
  source: unknown,
  request: RequestScope,
  field: FieldScope,
): FieldRun {
  const parts = realm.internals.fieldRun(
    {
      args,
      source: source ?? null,
      identity: request.identity,
      headers: request.headers,
      domainName: request.domainName,
      env: request.env,
      fieldName: field.fieldName,
      parentTypeName: field.parentTypeName,
      variables: field.variables,
    },
    // Not enumerable, as in AppSync: JSON.stringify(ctx.info) leaves them out. Computed on first read.
    () => selectionSetList(field.fieldNodes, field.fragments),
    () => selectionSetGraphQL(field.fieldNodes),
  );
  return { realm, parts, handed: givenParts(args, source, request.identity, request.headers, field.variables) };
}

/** The ctx one handler receives: the field's parts, plus prev.result, and result/error in a response handler. */
export function handlerContext(run: FieldRun, step: { prev: unknown; result?: unknown; error?: Context['error'] }): Context {
  return run.realm.internals.handlerContext(run.parts, step.prev, 'result' in step, step.result, step.error) as Context;
}

function selectionSetList(fieldNodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): string[] {
  const out: string[] = [];
  const walk = (set: SelectionSetNode | undefined, prefix: string) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        const name = selection.alias?.value ?? selection.name.value;
        if (name === '__typename') continue;
        const path = prefix + name;
        out.push(path);
        walk(selection.selectionSet, `${path}/`);
      } else if (selection.kind === 'InlineFragment') {
        walk(selection.selectionSet, prefix);
      } else {
        walk(fragments[selection.name.value]?.selectionSet, prefix);
      }
    }
  };
  for (const node of fieldNodes) walk(node.selectionSet, '');
  return [...new Set(out)];
}

function selectionSetGraphQL(fieldNodes: readonly FieldNode[]): string {
  return fieldNodes.map((node) => (node.selectionSet ? print(node.selectionSet) : '')).join('\n');
}

/** ctx.info as plain data: its selection set is not enumerable (computed on demand), so it is read by name. */
export function plainInfo(ctx: Context) {
  const info = ctx.info as Record<string, unknown>;
  return {
    fieldName: info.fieldName,
    parentTypeName: info.parentTypeName,
    variables: info.variables,
    selectionSetList: info.selectionSetList,
    selectionSetGraphQL: info.selectionSetGraphQL,
  };
}
