// BatchPutItem (js-aws-appsync-resolver-reference-dynamodb-batch-put-item.html): {data, unprocessedItems}.
import type { Request } from '../request.ts';
import type { Target } from '../target.ts';
import { batchWrite } from './batch-write.ts';

export function batchPutItem(request: Request, target: Target) {
  return batchWrite(request, target, 'Put');
}
