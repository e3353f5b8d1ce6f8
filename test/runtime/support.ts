// Runs APPSYNC_JS code the way a test wants it: one handler through evaluateCode,
// or a unit/pipeline resolver over data sources that record what they are asked.
import type { DataSource, DataSourceAnswer } from '../../local/data-sources/data-source.ts';
import { evaluateCode, type EvaluateCodeInput, type EvaluationContext } from '../../local/evaluate.ts';
import type { CompiledResolver } from '../../local/resolvers/compiled.ts';
import { runPipeline } from '../../local/resolvers/pipeline.ts';
import { runUnit } from '../../local/resolvers/unit.ts';
import { createFieldRun } from '../../local/runtime/context.ts';
import { newInvocation, type Invocation } from '../../local/runtime/invocation.ts';
import { createRealm, loadCode, type Realm } from '../../local/runtime/sandbox.ts';

/** A module around the body of `request` (and `response`, which returns ctx.result unless given). */
export function handlers(request: string, response = 'return ctx.result;'): string {
  return `import { util, runtime, extensions } from '@aws-appsync/utils';
import * as ddb from '@aws-appsync/utils/dynamodb';
export function request(ctx) {
  ${request}
}
export function response(ctx) {
  ${response}
}
`;
}

/** Runs one handler and answers with what it returned (parsed) and the raw EvaluateCode output. */
export function evaluate(code: string, fn: 'request' | 'response' = 'request', context: EvaluationContext = {}, options: Partial<EvaluateCodeInput> = {}) {
  const output = evaluateCode({ code, function: fn, context, ...options });
  return { ...output, result: output.evaluationResult === undefined ? undefined : JSON.parse(output.evaluationResult) };
}

/** Evaluates `return <expression>;` in a request handler and answers with its value. */
export function valueOf(expression: string, context: EvaluationContext = {}): unknown {
  const output = evaluate(handlers(`return ${expression};`), 'request', context);
  if (output.error) throw new Error(output.error.message + JSON.stringify(output.error.codeErrors ?? []));
  return output.result;
}

/** A data source that answers every request with `answer(request)` and keeps the requests. */
export function recordingDataSource(answer: (request: any) => DataSourceAnswer = (request) => ({ result: request })) {
  const requests: unknown[] = [];
  const source: DataSource & { requests: unknown[] } = {
    name: 'recording',
    requests,
    async invoke(request) {
      requests.push(request);
      return answer(request);
    },
  };
  return source;
}

export type Step = { code: string; dataSource?: DataSource };

/** Runs a resolver made of code strings: a unit one (no functions) or a pipeline. */
export async function resolve(resolver: Step & { functions?: Step[] }, args: Record<string, unknown> = {}) {
  const realm: Realm = createRealm();
  const load = (code: string, name: string) => loadCode(realm, code, name);
  const module = load(resolver.code, 'resolver.js');
  const compiled: CompiledResolver = resolver.functions
    ? {
        kind: 'PIPELINE',
        field: 'Query.field',
        module,
        functions: resolver.functions.map((fn, i) => ({ name: `fn${i}`, module: load(fn.code, `fn${i}.js`), dataSource: fn.dataSource ?? recordingDataSource() })),
      }
    : { kind: 'UNIT', field: 'Query.field', module, dataSource: resolver.dataSource ?? recordingDataSource() };
  const run = createFieldRun(realm, args, null, { headers: {}, domainName: null, identity: null, env: {} }, {
    parentTypeName: 'Query',
    fieldName: 'field',
    variables: {},
    fieldNodes: [],
    fragments: {},
  });
  const invocation: Invocation = newInvocation({ typeName: 'Query', fieldName: 'field', deadline: Date.now() + 5_000 });
  const outcome = compiled.kind === 'UNIT' ? await runUnit(compiled, run, invocation) : await runPipeline(compiled, run, invocation);
  return { outcome, invocation };
}
