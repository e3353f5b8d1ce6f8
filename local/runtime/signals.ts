// How resolver code leaves a handler other than by returning: util.error and
// util.unauthorized raise a field error; runtime.earlyReturn skips ahead; the
// clock stops a handler that ran past the request's time limit. They are raised
// by our code, never by the resolver's (which may not throw), and they never
// reach resolver code: inside the realm they travel as an inert token.

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

/**
 * The request ran past its time limit. AppSync answers a request that exceeds its
 * 30 s limit with "Execution timed out." (aws-appsync-community#43, aws-mobile-appsync-sdk-android#280);
 * the errorType for a resolver that loops is not documented, so this one is ours.
 */
export class ExecutionTimeout extends ResolverError {
  constructor() {
    super('Execution timed out.', 'ExecutionTimeout');
  }
}

/** AppSync documents no memory limit for resolver code, nor its error: these words are ours. */
export class OutOfMemory extends ResolverError {
  constructor() {
    super('Execution ran out of memory.', 'OutOfMemory');
  }
}

/** The handler computed past its slice of the server's thread: it is stopped there, to run again off it (runaway/). */
export class SliceOver {}

export type Signal = ResolverError | EarlyReturn | SliceOver;
