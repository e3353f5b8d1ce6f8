// A data source takes the request object a request handler returned and
// answers with the result, or with the error the response handler sees as ctx.error.

export type DataSourceError = { message: string; type: string; unhandledErrorType?: string };

export type DataSourceAnswer = { result: unknown; error?: undefined } | { result?: unknown; error: DataSourceError };

/** Where a request object comes from: a Lambda BatchInvoke groups the calls of one step (resolver or function) within one GraphQL request. */
export type DataSourceCall = { request: object; step: object; maxBatchSize: number };

export interface DataSource {
  readonly name: string;
  /** A promise, or the answer itself when it is there at once (NONE): the field is then answered in the same tick. */
  invoke(request: unknown, call?: DataSourceCall): DataSourceAnswer | Promise<DataSourceAnswer>;
}
