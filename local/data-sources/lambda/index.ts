// AWS_LAMBDA data source (resolver-reference-lambda-js.html): the request object
// is { operation: 'Invoke' | 'BatchInvoke', invocationType?, payload }.
// - Invoke: the function receives `payload`; its result is ctx.result.
// - BatchInvoke: the payloads of every call of the same resolver in the same
//   GraphQL request (a list field's items: graphql-js starts them in one tick)
//   go as one list, at most maxBatchSize per call; the function answers a list of
//   the same length and order, item i being ctx.result of call i.
// - invocationType 'Event': the function runs unawaited, ctx.result is null.
// A function error is ctx.error { message: errorMessage, type: 'Lambda:Unhandled',
// unhandledErrorType: errorType }, as AppSync reports it (aws-appsync-community#209, #386).
import DataLoader from 'dataloader';
import type { LocalLambdaFunction, LambdaAnswer } from '../../functions/runner.ts';
import type { DataSource, DataSourceAnswer, DataSourceCall } from '../data-source.ts';

type LambdaRequest = { operation: 'Invoke' | 'BatchInvoke'; invocationType: 'RequestResponse' | 'Event'; payload: unknown };

const mappingError = (message: string): DataSourceAnswer => ({ error: { type: 'MappingTemplate', message } });

export function lambdaDataSource(name: string, fn: LocalLambdaFunction): DataSource {
  // One loader per GraphQL request and step, dropped with the request.
  const loaders = new WeakMap<object, WeakMap<object, DataLoader<unknown, DataSourceAnswer>>>();
  const loaderFor = (call: DataSourceCall) => {
    let bySteps = loaders.get(call.request);
    if (!bySteps) loaders.set(call.request, (bySteps = new WeakMap()));
    let loader = bySteps.get(call.step);
    if (!loader) {
      loader = new DataLoader((payloads) => invokeBatch(fn, payloads), {
        cache: false,
        // maxBatchSize 0 (or none): each BatchInvoke is its own list of one (our choice; AppSync does not say).
        maxBatchSize: Math.max(1, call.maxBatchSize),
      });
      bySteps.set(call.step, loader);
    }
    return loader;
  };

  return {
    name,
    async invoke(raw, call) {
      const request = lambdaRequest(raw);
      if ('error' in request) return request;
      if (request.invocationType === 'Event') {
        // Asynchronous: Lambda accepts the event and AppSync does not wait for the function.
        void fn.invoke(request.operation === 'BatchInvoke' ? [request.payload] : request.payload);
        return { result: null };
      }
      if (request.operation === 'BatchInvoke') return loaderFor(call ?? { request: {}, step: {}, maxBatchSize: 0 }).load(request.payload);
      return answerOf(await fn.invoke(request.payload));
    },
  };
}

function lambdaRequest(raw: unknown): LambdaRequest | Extract<DataSourceAnswer, { error: unknown }> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return mappingError("Value for field '$[operation]' not found.") as never;
  // `version`: a VTL request template's (2018-05-29), read by local/vtl/requests.ts; tolerated here as DynamoDB's is.
  const { operation, invocationType = 'RequestResponse', payload, version: _version, ...rest } = raw as Record<string, unknown>;
  if (operation !== 'Invoke' && operation !== 'BatchInvoke') return mappingError("Value for field '$[operation]' not found.") as never;
  if (invocationType !== 'RequestResponse' && invocationType !== 'Event') return mappingError("Value for field '$[invocationType]' not found.") as never;
  const extra = Object.keys(rest)[0];
  if (extra) return mappingError(`Unsupported element '$[${extra}]'.`) as never;
  return { operation, invocationType, payload: payload ?? null };
}

function answerOf(answer: LambdaAnswer): DataSourceAnswer {
  if (answer.ok) return { result: answer.result };
  return { error: { message: answer.errorMessage, type: 'Lambda:Unhandled', unhandledErrorType: answer.errorType } };
}

/** One Lambda call for a batch: an error, or an answer that is not a list of the batch's length, fails every call of it. */
async function invokeBatch(fn: LocalLambdaFunction, payloads: readonly unknown[]): Promise<DataSourceAnswer[]> {
  const answer = await fn.invoke(payloads);
  if (!answer.ok) return payloads.map(() => answerOf(answer));
  const results = answer.result;
  if (!Array.isArray(results) || results.length !== payloads.length) {
    // AppSync's wording for this is not public: ours.
    const got = Array.isArray(results) ? `a list of ${results.length}` : 'no list';
    return payloads.map(() => ({
      error: { type: 'Lambda:BatchResponseMismatch', message: `A BatchInvoke of ${payloads.length} payloads was answered with ${got}.` },
    }));
  }
  return results.map((result) => ({ result }));
}
