// One request → data source → response round: a unit resolver, or one function of a pipeline.
// A step with mapping templates is VTL (./template-step.ts).
// A step without code is a direct Lambda resolver: the data source gets AppSync's
// default event (direct-lambda-reference.html) and the function's answer is the value.
import { handlerContext, plainInfo, type Context, type FieldRun } from '../runtime/context.ts';
import type { Outcome } from '../runtime/handler.ts';
import { runHandlerServed } from '../runtime/runaway/index.ts';
import type { Invocation } from '../runtime/invocation.ts';
import { ResolverError } from '../runtime/signals.ts';
import type { DataSourceAnswer, DataSourceCall } from '../data-sources/data-source.ts';
import type { CompiledStep } from './compiled.ts';
import { runTemplateStep } from './template-step.ts';

/**
 * Synchronous when nothing in it waits (the handlers ran in the server's thread, the data source
 * answered at once, as NONE does): graphql-js then completes the field without a promise of its own.
 */
export function runStep(step: CompiledStep, run: FieldRun, prev: unknown, invocation: Invocation): Outcome | Promise<Outcome> {
  const call = { request: invocation.request ?? invocation, step, maxBatchSize: step.maxBatchSize ?? 0 };
  if (step.templates) return runTemplateStep({ ...step, templates: step.templates }, run, prev, invocation, call);
  if (!step.module) return runDirect(step, run, prev, call);
  // Not awaited unless it moved off the thread: the data source call starts in this tick.
  const started = runHandlerServed(step.module, 'request', handlerContext(run, { prev }), invocation, run);
  return started instanceof Promise ? started.then((request) => invoke(step, run, prev, invocation, call, request)) : invoke(step, run, prev, invocation, call, started);
}

// The rest of a step, as functions of their own rather than closures made per step: each closure costs
// an allocation and, under tsx (keepNames), a defineProperty of its name.
function invoke(step: CompiledStep, run: FieldRun, prev: unknown, invocation: Invocation, call: DataSourceCall, request: Outcome): Outcome | Promise<Outcome> {
  // An error stops here; an early return skips the data source and the response handler.
  if (request.kind !== 'value') return request;
  const answer = step.dataSource.invoke(request.value, call);
  return answer instanceof Promise ? answer.then((settled) => respond(step, run, prev, invocation, settled)) : respond(step, run, prev, invocation, answer);
}

function respond(step: CompiledStep, run: FieldRun, prev: unknown, invocation: Invocation, answer: DataSourceAnswer): Outcome | Promise<Outcome> {
  return runHandlerServed(step.module!, 'response', handlerContext(run, { prev, result: answer.result ?? null, error: answer.error }), invocation, run);
}

async function runDirect(step: CompiledStep, run: FieldRun, prev: unknown, call: DataSourceCall): Promise<Outcome> {
  // A unit resolver's event has prev null; a pipeline function's, the previous result.
  const payload = defaultEvent(handlerContext(run, { prev }), 'kind' in step);
  const operation = call.maxBatchSize > 0 ? 'BatchInvoke' : 'Invoke';
  const answer = await step.dataSource.invoke({ operation, payload }, call);
  if (answer.error) return { kind: 'error', error: new ResolverError(answer.error.message, answer.error.type) };
  return { kind: 'value', value: answer.result ?? null };
}

/** The context a direct Lambda resolver sends, as plain JSON: ctx without args, result and error. */
function defaultEvent(ctx: Context, unit: boolean): unknown {
  return JSON.parse(
    JSON.stringify({
      arguments: ctx.arguments,
      identity: ctx.identity,
      source: ctx.source,
      request: ctx.request,
      prev: unit ? null : ctx.prev,
      info: plainInfo(ctx),
      stash: ctx.stash,
    }),
  );
}
