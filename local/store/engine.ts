// A DynamoDB engine: anything that answers DynamoDB's JSON API. The data
// sources speak to it in DynamoDB's wire format (numbers as strings).

export type EngineError = { type: string; message: string; cancellationReasons?: unknown[] };

export class DynamoDbEngineError extends Error implements EngineError {
  override name = 'DynamoDbEngineError';
  constructor(
    public type: string,
    message: string,
    public cancellationReasons?: unknown[],
  ) {
    super(message);
  }
}

export interface DynamoDbEngine {
  readonly name: string;
  /** Calls one DynamoDB action; rejects with DynamoDbEngineError on an error answer. */
  call<T = Record<string, unknown>>(action: string, input: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}
