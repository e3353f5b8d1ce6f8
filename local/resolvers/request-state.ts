// What one GraphQL request carries through execution: who asked, what the
// handlers logged, and the errors util.appendError() added beside the data.
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import type { RequestScope } from '../runtime/context.ts';
import { ResolverError, type AppSyncErrorFields } from '../runtime/signals.ts';

export class RequestState {
  readonly logs: string[] = [];
  readonly appended: GraphQLError[] = [];

  constructor(
    readonly scope: RequestScope,
    readonly authType: string,
  ) {}

  appendError(error: AppSyncErrorFields, info: GraphQLResolveInfo) {
    const original = new ResolverError(error.message, error.errorType, error.data, error.errorInfo);
    const path: (string | number)[] = [];
    for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) path.unshift(p.key);
    this.appended.push(new GraphQLError(error.message, { nodes: info.fieldNodes, path, originalError: original }));
  }
}
