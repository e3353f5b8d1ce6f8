// A data source takes the request object a request handler returned and
// answers with the result, or with the error the response handler sees as ctx.error.

export type DataSourceError = { message: string; type: string };

export type DataSourceAnswer = { result: unknown; error?: undefined } | { result?: unknown; error: DataSourceError };

export interface DataSource {
  readonly name: string;
  invoke(request: unknown): Promise<DataSourceAnswer>;
}
