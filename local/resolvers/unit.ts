import type { FieldRun } from '../runtime/context.ts';
import type { Outcome } from '../runtime/handler.ts';
import type { Invocation } from '../runtime/invocation.ts';
import type { CompiledResolver } from './compiled.ts';
import { runStep } from './step.ts';

/** UNIT: request → data source → response. An early return in the request is the field's value. */
export function runUnit(
  resolver: Extract<CompiledResolver, { kind: 'UNIT' }>,
  run: FieldRun,
  invocation: Invocation,
): Outcome | Promise<Outcome> {
  return runStep(resolver, run, null, invocation);
}
