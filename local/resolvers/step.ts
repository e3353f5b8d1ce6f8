// One request → data source → response round: a unit resolver, or one function of a pipeline.
import type { DataSource } from '../data-sources/data-source.ts';
import { handlerContext, type FieldRun } from '../runtime/context.ts';
import { runHandler, type Outcome } from '../runtime/handler.ts';
import type { Invocation } from '../runtime/invocation.ts';
import type { CodeModule } from '../runtime/sandbox.ts';

export async function runStep(
  module: CodeModule,
  dataSource: DataSource,
  run: FieldRun,
  prev: unknown,
  invocation: Invocation,
): Promise<Outcome> {
  const request = runHandler(module, 'request', handlerContext(run, { prev }), invocation);
  // An error stops here; an early return skips the data source and the response handler.
  if (request.kind !== 'value') return request;
  const answer = await dataSource.invoke(request.value);
  const ctx = handlerContext(run, { prev, result: answer.result ?? null, error: answer.error });
  return runHandler(module, 'response', ctx, invocation);
}
