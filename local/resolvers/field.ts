// Plugs a compiled resolver into graphql-js as a field resolver: builds ctx,
// runs the unit or pipeline, and turns its outcome into a value or an error.
import type { GraphQLFieldResolver, GraphQLResolveInfo } from 'graphql';
import { createFieldRun } from '../runtime/context.ts';
import type { Outcome } from '../runtime/handler.ts';
import { newInvocation, type Invocation } from '../runtime/invocation.ts';
import type { CompiledResolver } from './compiled.ts';
import { filterBySelection } from './error-data.ts';
import { runPipeline } from './pipeline.ts';
import type { RequestState } from './request-state.ts';
import { runUnit } from './unit.ts';

export function fieldResolver(resolver: CompiledResolver): GraphQLFieldResolver<unknown, RequestState> {
  // Not async: a field whose steps all answered at once (step.ts) is a value, not a promise.
  return (source, args, state, info) => {
    const realm = resolver.module?.realm ?? resolver.realm;
    if (!realm) throw new Error(`${resolver.field} has neither code nor a realm`);
    const run = createFieldRun(realm, args, source, state.scope, {
      parentTypeName: info.parentType.name,
      fieldName: info.fieldName,
      variables: info.variableValues,
      fieldNodes: info.fieldNodes,
      fragments: info.fragments,
    });
    const invocation = newInvocation({
      typeName: info.parentType.name,
      fieldName: info.fieldName,
      logs: state.logs,
      authType: state.authType,
      deadline: state.deadline,
      request: state,
    });
    state.invocations.push(invocation);
    const outcome = resolver.kind === 'UNIT' ? runUnit(resolver, run, invocation) : runPipeline(resolver, run, invocation);
    return outcome instanceof Promise ? outcome.then((settled) => valueOf(settled, invocation, state, info)) : valueOf(outcome, invocation, state, info);
  };
}

/** The field's value, or its error thrown; the errors util.appendError() added go beside the data. */
function valueOf(outcome: Outcome, invocation: Invocation, state: RequestState, info: GraphQLResolveInfo): unknown {
  for (const error of invocation.errors) state.appendError(filtered(error, info), info);
  if (outcome.kind === 'error') throw filtered(outcome.error, info);
  return outcome.value;
}

/** An error's data, cut to the field's selection. */
function filtered<T extends { data: unknown }>(error: T, info: GraphQLResolveInfo): T {
  return error.data === null || error.data === undefined ? error : Object.assign(error, { data: filterBySelection(error.data, info.fieldNodes, info.fragments) });
}
