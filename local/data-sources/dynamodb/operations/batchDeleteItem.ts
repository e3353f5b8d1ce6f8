// BatchDeleteItem (js-aws-appsync-resolver-reference-dynamodb-batch-delete-item.html): {data, unprocessedKeys}.
import type { Request } from '../request.ts';
import type { Target } from '../target.ts';
import { batchWrite } from './batch-write.ts';

export function batchDeleteItem(request: Request, target: Target) {
  return batchWrite(request, target, 'Delete');
}
