import { handlerContext, type FieldRun } from '../runtime/context.ts';
import type { Outcome } from '../runtime/handler.ts';
import { runHandlerServed } from '../runtime/runaway/index.ts';
import type { Invocation } from '../runtime/invocation.ts';
import type { CompiledResolver } from './compiled.ts';
import { runStep } from './step.ts';
import { runPipelineTemplate } from './template-step.ts';

/**
 * PIPELINE: the resolver's request, each function in turn (ctx.prev.result
 * carries each step's output on), then the resolver's response. A VTL pipeline
 * resolver's before and after templates take the handlers' places. An error at
 * any step ends the field; runtime.earlyReturn skips as its placement says.
 */
export async function runPipeline(
  resolver: Extract<CompiledResolver, { kind: 'PIPELINE' }>,
  run: FieldRun,
  invocation: Invocation,
): Promise<Outcome> {
  let before: Outcome;
  if (resolver.module) {
    // Awaited only when it moved off the thread: otherwise the data source call starts in this tick.
    const started = runHandlerServed(resolver.module, 'request', handlerContext(run, { prev: null }), invocation, run);
    before = started instanceof Promise ? await started : started;
  } else {
    before = runPipelineTemplate(resolver.templates?.request, run, null, false, invocation);
  }
  if (before.kind === 'error') return before;
  let prev = before.value;
  // An early return from the resolver's request skips every function.
  if (before.kind === 'value') {
    for (const fn of resolver.functions) {
      const outcome = await runStep(fn, run, prev, invocation);
      if (outcome.kind === 'error') return outcome;
      prev = outcome.value;
      if (outcome.kind === 'early' && outcome.skipTo === 'END') break;
    }
  }
  if (!resolver.module) return runPipelineTemplate(resolver.templates?.response, run, prev, true, invocation);
  return runHandlerServed(resolver.module, 'response', handlerContext(run, { prev, result: prev }), invocation, run);
}
