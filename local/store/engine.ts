// A DynamoDB engine: anything that answers DynamoDB's JSON API. The data
// sources speak to it in DynamoDB's wire format (numbers as strings, binary as base64).

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
  /** dynalite, dynamodb-local or endpoint. */
  readonly name: string;
  /** Where a local engine answers DynamoDB's HTTP API, for other clients (the AWS SDK, the AWS CLI). */
  readonly url?: string;
  /** Actions this engine lacks, each with the reason and the setting that switches to an engine that has it. */
  readonly unsupported?: Readonly<Record<string, string>>;
  /** The engine's name for a declared table: the same, unless an endpoint maps declared names to deployed ones. */
  tableName?(declared: string): string;
  /** Calls one DynamoDB action; rejects with DynamoDbEngineError on an error answer. */
  call<T = Record<string, unknown>>(action: string, input: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}
