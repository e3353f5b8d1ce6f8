import type { DynamoDbEngine } from '../../store/engine.ts';

/**
 * What an operation works on: the data source's own table (by its engine name), the engine,
 * and, for batch and transaction requests that name tables themselves, the engine name of a
 * declared table (the same locally; an endpoint engine may map them to deployed names).
 */
export type Target = {
  tableName: string;
  engine: DynamoDbEngine;
  engineTable(declared: string): string;
};

export type { Request } from './request.ts';
