// The `util` object of APPSYNC_JS (devguide/built-in-util-js.html).
import { activeInvocation } from '../invocation.ts';
import * as dynamodb from './dynamodb.ts';
import { appendError, error, unauthorized } from './errors.ts';
import { autoId, autoKsuid, autoUlid } from './ids.ts';
import * as math from './math.ts';
import * as time from './time.ts';

export const util = {
  error,
  appendError,
  unauthorized,
  autoId,
  autoUlid,
  autoKsuid,
  authType: () => activeInvocation().authType,
  time,
  math,
  dynamodb,
};
