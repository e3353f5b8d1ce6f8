// `$util` of VTL (resolver-util-reference.html, utility-helpers-in-*.html). Where VTL's
// function is the JS runtime's, it is that very function (local/runtime/util/); what
// is VTL's own is here: qr/quiet, JSON in and out, null and type checks, validate, the
// `…Json` variants of util.dynamodb, util.list, util.map, util.str's VTL helpers, util.log.
import { activeInvocation } from '../runtime/invocation.ts';
import { util as js } from '../runtime/util/index.ts';
import * as dynamodb from '../runtime/util/dynamodb.ts';
import { ResolverError } from '../runtime/signals.ts';
import { isMap, javaEquals, javaString } from './java.ts';

type Obj = Record<string, unknown>;

const isNull = (value: unknown) => value === null || value === undefined;
const isEmpty = (value: unknown) => isNull(value) || value === '' || (Array.isArray(value) && value.length === 0) || (isMap(value) && Object.keys(value).length === 0);
const isBlank = (value: unknown) => isNull(value) || (typeof value === 'string' && value.trim() === '');

/** VTL's `…Json` variant of a util.dynamodb function: the same value as a JSON string. */
const json =
  <A extends unknown[]>(fn: (...args: A) => unknown) =>
  (...args: A) =>
    JSON.stringify(fn(...args));

/** $util.typeOf's names (Java's classes as AppSync names them). */
function typeOf(value: unknown): string {
  if (isNull(value)) return 'Null';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'Number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return 'List';
  return 'Map';
}

function log(level: 'INFO' | 'ERROR') {
  return (message: unknown, ...args: unknown[]) => {
    // Log4j-style `{}` placeholders, as AppSync's $util.log documents.
    let text = typeof message === 'string' ? message : javaString(message);
    for (const arg of args) text = text.replace('{}', typeof arg === 'string' ? arg : JSON.stringify(arg));
    activeInvocation().logs.push(`${level} - ${text}`);
    return '';
  };
}

export const vtlUtil = {
  ...js,
  /** Quiet reference: runs the expression, prints nothing. */
  qr: () => '',
  quiet: () => '',
  toJson: (value: unknown) => JSON.stringify(value ?? null),
  parseJson: (text: string) => {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ResolverError(`Unable to parse the JSON document: ${(error as Error).message}`, 'MappingTemplate');
    }
  },
  isNull,
  isNullOrEmpty: isEmpty,
  isNullOrBlank: isBlank,
  defaultIfNull: (value: unknown, fallback: unknown) => (isNull(value) ? fallback : value),
  defaultIfNullOrEmpty: (value: unknown, fallback: unknown) => (isEmpty(value) ? fallback : value),
  defaultIfNullOrBlank: (value: unknown, fallback: unknown) => (isBlank(value) ? fallback : value),
  isString: (value: unknown) => typeof value === 'string',
  isNumber: (value: unknown) => typeof value === 'number',
  isBoolean: (value: unknown) => typeof value === 'boolean',
  isList: (value: unknown) => Array.isArray(value),
  isMap: (value: unknown) => isMap(value),
  typeOf,
  /** validate(condition, message, errorType?, data?): the util.error it makes when condition is false. */
  validate: (condition: unknown, message: string, errorType?: string, data?: unknown) => {
    if (condition !== true) js.error(message, errorType ?? 'CustomTemplateException', data);
    return '';
  },
  log: { info: log('INFO'), error: log('ERROR') },
  str: {
    ...js.str,
    toUpper: (text: string) => String(text).toUpperCase(),
    toLower: (text: string) => String(text).toLowerCase(),
    toReplace: (text: string, find: string, by: string) => String(text).split(String(find)).join(String(by)),
  },
  // The copy helpers compare as java.util collections do: with equals() (lists and maps by value).
  list: {
    copyAndRetainAll: (list: unknown[], keep: unknown[]) => list.filter((item) => keep.some((k) => javaEquals(item, k))),
    copyAndRemoveAll: (list: unknown[], drop: unknown[]) => list.filter((item) => !drop.some((d) => javaEquals(item, d))),
    /** sortList(list, descending, property): maps by `property` (or scalars, property ""), at most 1000 items. */
    sortList: (list: unknown[], descending: boolean, property: string) => {
      if (!Array.isArray(list) || list.length > 1000) return list;
      const key = (item: unknown) => (property && isMap(item) ? item[property] : item);
      const sorted = [...list].sort((a, b) => {
        const x = key(a) as string | number;
        const y = key(b) as string | number;
        return x < y ? -1 : x > y ? 1 : 0;
      });
      return descending ? sorted.reverse() : sorted;
    },
  },
  map: {
    copyAndRetainAllKeys: (map: Obj, keys: unknown[]) => Object.fromEntries(Object.entries(map ?? {}).filter(([key]) => keys.some((k) => javaEquals(key, k)))),
    copyAndRemoveAllKeys: (map: Obj, keys: unknown[]) => Object.fromEntries(Object.entries(map ?? {}).filter(([key]) => !keys.some((k) => javaEquals(key, k)))),
  },
  dynamodb: {
    ...dynamodb,
    toDynamoDBJson: json(dynamodb.toDynamoDB),
    toStringJson: json(dynamodb.toString),
    toStringSetJson: json(dynamodb.toStringSet),
    toNumberJson: json(dynamodb.toNumber),
    toNumberSetJson: json(dynamodb.toNumberSet),
    toBinaryJson: json(dynamodb.toBinary),
    toBinarySetJson: json(dynamodb.toBinarySet),
    toBooleanJson: json(dynamodb.toBoolean),
    toNullJson: json(dynamodb.toNull),
    toListJson: json(dynamodb.toList),
    toMapJson: json(dynamodb.toMap),
    toMapValuesJson: json(dynamodb.toMapValues),
    toS3ObjectJson: json(dynamodb.toS3Object),
  },
};

export type VtlUtil = typeof vtlUtil;
