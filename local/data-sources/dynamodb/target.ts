import type { DynamoDbEngine } from '../../store/engine.ts';

/** The table a DynamoDB data source is bound to, and the engine holding it. */
export type Target = { tableName: string; engine: DynamoDbEngine };

export type Request = Record<string, unknown>;
