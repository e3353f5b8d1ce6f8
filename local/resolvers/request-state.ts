// What one GraphQL request carries through execution: who asked, what the
// handlers logged, the errors util.appendError() added beside the data, and
// what each field's handlers passed to extensions.*.
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { RequestScope } from '../runtime/context.ts';
import type { Invocation } from '../runtime/invocation.ts';
import { ResolverError, type AppSyncErrorFields } from '../runtime/signals.ts';

/** AppSync ends a GraphQL request after 30 s (aws-appsync-community#43: "30 seconds is a hard limit"). */
export const REQUEST_TIME_LIMIT_MS = 30_000;

export class RequestState {
  readonly logs: string[] = [];
  readonly appended: GraphQLError[] = [];
  /** One per resolved field, in the order they ran: their extensions.* calls are on `extensions`. */
  readonly invocations: Invocation[] = [];
  /** Date.now() after which handlers of this request fail with "Execution timed out.". */
  readonly deadline: number;
  /** AWS_LAMBDA: the fields ("Type.field") the authorizer denied this caller. */
  deniedFields: ReadonlySet<string> | undefined;

  constructor(
    readonly scope: RequestScope,
    readonly authType: string,
    timeLimitMs: number = REQUEST_TIME_LIMIT_MS,
  ) {
    this.deadline = Date.now() + timeLimitMs;
  }

  appendError(error: AppSyncErrorFields, info: GraphQLResolveInfo) {
    const original = new ResolverError(error.message, error.errorType, error.data, error.errorInfo);
    const path: (string | number)[] = [];
    for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) path.unshift(p.key);
    this.appended.push(new GraphQLError(error.message, { nodes: info.fieldNodes, path, originalError: original }));
  }
}
