// The `util` object of APPSYNC_JS (devguide/built-in-util-js.html).
import { activeInvocation } from '../invocation.ts';
import * as dynamodb from './dynamodb.ts';
import { base64Decode, base64Encode, escapeJavaScript, urlDecode, urlEncode } from './encoding.ts';
import { appendError, error, unauthorized } from './errors.ts';
import * as http from './http.ts';
import { autoId, autoKsuid, autoUlid } from './ids.ts';
import { matches } from './matches.ts';
import * as math from './math.ts';
import * as str from './str.ts';
import * as time from './time.ts';
import * as transform from './transform.ts';
import * as xml from './xml.ts';

export const util = {
  error,
  appendError,
  unauthorized,
  autoId,
  autoUlid,
  autoKsuid,
  urlEncode,
  urlDecode,
  base64Encode,
  base64Decode,
  escapeJavaScript,
  matches,
  authType: () => activeInvocation().authType,
  time,
  str,
  math,
  dynamodb,
  transform,
  http,
  xml,
};
