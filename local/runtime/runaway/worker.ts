// The worker thread's side of the runaway lane (index.ts): runs one handler at a
// time in a realm of its own, from plain-data jobs, and answers in plain data.
import { parentPort } from 'node:worker_threads';
import type { Context } from '../context.ts';
import { runHandler } from '../handler.ts';
import { newInvocation } from '../invocation.ts';
import { createRealm, loadCode, type CodeModule } from '../sandbox.ts';
import type { Job, JobAnswer } from './protocol.ts';

const modules = new Map<string, CodeModule>();
const realm = createRealm();

parentPort!.on('message', (job: Job) => parentPort!.postMessage(run(job)));

function run(job: Job): JobAnswer {
  const key = `${job.file}\0${job.code}`;
  let module = modules.get(key);
  if (!module) modules.set(key, (module = loadCode(realm, job.code, job.file, job.options)));
  const { ctx } = job;
  const run = realm.internals.fieldRun(
    {
      args: ctx.arguments,
      source: ctx.source,
      identity: ctx.identity,
      headers: ctx.request.headers,
      domainName: ctx.request.domainName,
      env: ctx.env,
      fieldName: ctx.info.fieldName,
      parentTypeName: ctx.info.parentTypeName,
      variables: ctx.info.variables,
    },
    () => ctx.info.selectionSetList,
    () => ctx.info.selectionSetGraphQL,
  );
  const shared = run as unknown as { arguments: unknown; source: unknown; identity: unknown; stash: Record<string, unknown>; request: { headers: unknown } };
  Object.assign(shared.stash, realm.internals.toRealm(ctx.stash));
  const realmCtx = realm.internals.handlerContext(run, ctx.prev.result, 'result' in ctx, ctx.result, ctx.error) as Context;
  const invocation = newInvocation({ typeName: job.typeName, fieldName: job.fieldName, authType: job.authType, deadline: job.deadline });
  const outcome = runHandler(module, job.handler, realmCtx, invocation);
  const data = (value: unknown) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  return {
    outcome:
      outcome.kind === 'error'
        ? { kind: 'error', message: outcome.error.message, errorType: outcome.error.errorType, data: data(outcome.error.data), errorInfo: data(outcome.error.errorInfo) }
        : outcome.kind === 'early'
          ? { kind: 'early', value: data(outcome.value), skipTo: outcome.skipTo }
          : { kind: 'value', value: data(outcome.value) },
    shared: data({ arguments: shared.arguments, source: shared.source, identity: shared.identity, stash: shared.stash, headers: shared.request.headers }),
    logs: invocation.logs,
    errors: data(invocation.errors) as JobAnswer['errors'],
    extensions: data(invocation.extensions) as JobAnswer['extensions'],
    responseHeaders: invocation.responseHeaders,
  };
}

