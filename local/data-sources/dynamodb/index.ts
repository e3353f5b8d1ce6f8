// The AMAZON_DYNAMODB data source (js-resolver-reference-dynamodb.html): AppSync's request objects in,
// plain JSON out, one file per operation under operations/. Every failure becomes ctx.error
// ({message, type}); batch, transaction and condition failures also carry a ctx.result. Nothing a
// request object holds can make invoke() reject, so no resolver can crash the server.
import type { DynamoDbEngine } from '../../store/engine.ts';
import type { DataSource } from '../data-source.ts';
import { AnswerWithError } from './condition.ts';
import { missingField, toDataSourceError } from './errors.ts';
import { batchDeleteItem } from './operations/batchDeleteItem.ts';
import { batchGetItem } from './operations/batchGetItem.ts';
import { batchPutItem } from './operations/batchPutItem.ts';
import { deleteItem } from './operations/deleteItem.ts';
import { getItem } from './operations/getItem.ts';
import { putItem } from './operations/putItem.ts';
import { query } from './operations/query.ts';
import { scan } from './operations/scan.ts';
import { sync } from './operations/sync.ts';
import { EngineLimitation } from './operations/transactions.ts';
import { transactGetItems } from './operations/transactGetItems.ts';
import { transactWriteItems } from './operations/transactWriteItems.ts';
import { updateItem } from './operations/updateItem.ts';
import type { Request } from './request.ts';
import type { Target } from './target.ts';

export const OPERATIONS: Record<string, (request: Request, target: Target) => Promise<unknown>> = {
  GetItem: getItem,
  PutItem: putItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  Query: query,
  Scan: scan,
  Sync: sync,
  BatchGetItem: batchGetItem,
  BatchPutItem: batchPutItem,
  BatchDeleteItem: batchDeleteItem,
  TransactGetItems: transactGetItems,
  TransactWriteItems: transactWriteItems,
};

/** `tableName` is the declared table the data source is bound to. */
export function dynamoDbDataSource(name: string, tableName: string, engine: DynamoDbEngine): DataSource {
  const engineTable = (declared: string) => engine.tableName?.(declared) ?? declared;
  const target: Target = { tableName: engineTable(tableName), engine, engineTable };
  return {
    name,
    async invoke(request) {
      try {
        if (!request || typeof request !== 'object' || Array.isArray(request)) throw missingField('operation');
        const operation = (request as Request).operation;
        // An unknown operation name gets the same answer as a missing one (troubleshooting-and-common-mistakes.html).
        const run = typeof operation === 'string' && Object.hasOwn(OPERATIONS, operation) ? OPERATIONS[operation] : undefined;
        if (!run) throw missingField('operation');
        return { result: await run(request as Request, target) };
      } catch (error) {
        if (error instanceof AnswerWithError) return { result: error.result, error: toDataSourceError(error.cause) };
        if (error instanceof EngineLimitation) {
          const operation = (request as Request).operation;
          const result = operation === 'TransactGetItems' ? { items: null, cancellationReasons: null } : { keys: null, cancellationReasons: null };
          return { result, error: { type: 'EngineLimitation', message: error.message } };
        }
        return { error: toDataSourceError(error) };
      }
    },
  };
}
