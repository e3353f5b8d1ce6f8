// A VTL resolver or function: request template → data source → response template, and
// a VTL pipeline's before and after templates. The templates see the same ctx parts as
// the JS handlers of the same field (the stash included), so VTL and JS functions mix
// in one pipeline.
import type { DataSourceCall } from '../data-sources/data-source.ts';
import type { FieldRun } from '../runtime/context.ts';
import type { Outcome } from '../runtime/handler.ts';
import type { Invocation } from '../runtime/invocation.ts';
import { ResolverError } from '../runtime/signals.ts';
import { contextOfStep, writeBackStash } from '../vtl/context.ts';
import type { MappingTemplate } from '../vtl/engine.ts';
import { runTemplate } from '../vtl/handler.ts';
import { readRequest, responsePlan } from '../vtl/requests.ts';
import type { CompiledStep, CompiledTemplates } from './compiled.ts';

export async function runTemplateStep(
  step: CompiledStep & { templates: CompiledTemplates },
  run: FieldRun,
  prev: unknown,
  invocation: Invocation,
  call: DataSourceCall,
): Promise<Outcome> {
  const kind = 'name' in step ? 'function' : 'resolver';
  const { request: requestTemplate, response: responseTemplate } = step.templates;
  let request: unknown;
  let version: '2017-02-28' | '2018-05-29' = '2018-05-29';
  if (requestTemplate) {
    const ctx = contextOfStep(run, { prev });
    const outcome = runTemplate(requestTemplate, ctx, invocation);
    writeBackStash(run, ctx);
    // An error stops here; `#return` skips the data source and the response template.
    if (outcome.kind !== 'value') return outcome;
    const read = readRequest(outcome.value, kind);
    if (!read.ok) return { kind: 'error', error: read.error };
    ({ request, version } = read);
  }
  const answer = await step.dataSource.invoke(request, call);
  const plan = responsePlan(version, answer);
  if (!plan.run) return plan.error ? { kind: 'error', error: plan.error } : { kind: 'value', value: plan.value };
  if (!responseTemplate) {
    // No response template: the data source's answer is the value (a direct Lambda resolver's rule).
    if (answer.error) return { kind: 'error', error: new ResolverError(answer.error.message, answer.error.type) };
    return { kind: 'value', value: answer.result ?? null };
  }
  const ctx = contextOfStep(run, { prev, result: answer.result ?? null, error: answer.error ?? null });
  const outcome = runTemplate(responseTemplate, ctx, invocation);
  writeBackStash(run, ctx);
  // `#return(x)` in a response template is x as the result.
  return outcome.kind === 'early' ? { kind: 'value', value: outcome.value } : outcome;
}

/** A VTL pipeline's before (prev: null) or after template (prev: the last function's result). Absent: {} before, prev after. */
export function runPipelineTemplate(template: MappingTemplate | undefined, run: FieldRun, prev: unknown, after: boolean, invocation: Invocation): Outcome {
  if (!template) return { kind: 'value', value: after ? prev : {} };
  const ctx = contextOfStep(run, after ? { prev, result: prev } : { prev });
  const outcome = runTemplate(template, ctx, invocation);
  writeBackStash(run, ctx);
  return after && outcome.kind === 'early' ? { kind: 'value', value: outcome.value } : outcome;
}
