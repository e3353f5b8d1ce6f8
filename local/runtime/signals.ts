// How resolver code leaves a handler other than by returning: util.error and
// util.unauthorized raise a field error; runtime.earlyReturn skips ahead.
// They are thrown by our code, never by the resolver's (which may not throw).

export type AppSyncErrorFields = {
  message: string;
  errorType: string | null;
  data: unknown;
  errorInfo: unknown;
};

/** util.error(): the handler stops and the field gets this error. */
export class ResolverError extends Error implements AppSyncErrorFields {
  override name = 'ResolverError';
  constructor(
    message: string,
    public errorType: string | null = null,
    public data: unknown = null,
    public errorInfo: unknown = null,
  ) {
    super(message);
  }
}

export type SkipTo = 'END' | 'NEXT';

/** runtime.earlyReturn(): the handler's data source (and what follows, per skipTo) is skipped. */
export class EarlyReturn {
  constructor(
    public value: unknown,
    /** Undefined: what the handler's placement implies (a function goes on to the next one). */
    public skipTo: SkipTo | undefined,
  ) {}
}
