// The AMAZON_DYNAMODB data source: AppSync's request objects in, plain JSON out,
// engine failures as ctx.error ({message, type: 'DynamoDB:<Exception>'}).
import type { DynamoDbEngine } from '../../store/engine.ts';
import { DynamoDbEngineError } from '../../store/engine.ts';
import type { DataSource } from '../data-source.ts';
import { InvalidNextToken } from './next-token.ts';
import { deleteItem } from './operations/deleteItem.ts';
import { getItem } from './operations/getItem.ts';
import { putItem } from './operations/putItem.ts';
import { query } from './operations/query.ts';
import { scan } from './operations/scan.ts';
import { updateItem } from './operations/updateItem.ts';
import type { Request, Target } from './target.ts';

const OPERATIONS: Record<string, (request: Request, target: Target) => Promise<unknown>> = {
  GetItem: getItem,
  PutItem: putItem,
  UpdateItem: updateItem,
  DeleteItem: deleteItem,
  Query: query,
  Scan: scan,
};

export function dynamoDbDataSource(name: string, tableName: string, engine: DynamoDbEngine): DataSource {
  const target: Target = { tableName, engine };
  return {
    name,
    async invoke(request) {
      const operation = request && typeof request === 'object' ? (request as Request).operation : undefined;
      const run = typeof operation === 'string' ? OPERATIONS[operation] : undefined;
      if (!run) {
        return {
          error: {
            type: 'MappingTemplate',
            message: `Unsupported operation '${String(operation)}'. Supported: ${Object.keys(OPERATIONS).join(', ')}`,
          },
        };
      }
      try {
        return { result: await run(request as Request, target) };
      } catch (error) {
        if (error instanceof DynamoDbEngineError) return { error: { type: `DynamoDB:${error.type}`, message: error.message } };
        if (error instanceof InvalidNextToken) return { error: { type: 'DynamoDB:ValidationException', message: error.message } };
        return { error: { type: 'MappingTemplate', message: (error as Error).message } };
      }
    },
  };
}
