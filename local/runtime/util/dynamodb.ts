// util.dynamodb: plain values to DynamoDB's typed attribute values. As in AppSync,
// numbers stay JSON numbers ({N: 12}); the data source turns them into strings.

export type AttributeValue =
  | { S: string }
  | { N: number | string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: null | true }
  | { L: AttributeValue[] }
  | { M: Record<string, AttributeValue> }
  | { SS: string[] }
  | { NS: (number | string)[] }
  | { BS: string[] };

export function toDynamoDB(value: unknown): AttributeValue {
  if (value === null || value === undefined) return { NULL: null };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: value };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toDynamoDB) };
  if (isSet(value)) return value;
  if (typeof value === 'object') return { M: toMapValues(value as Record<string, unknown>) };
  throw new TypeError(`Cannot convert ${typeof value} to a DynamoDB attribute value`);
}

/** A set made by toStringSet/toNumberSet/toBinarySet: one key, SS, NS or BS, holding a list. It stays a set. */
function isSet(value: object): value is AttributeValue {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'SS' || keys[0] === 'NS' || keys[0] === 'BS') && Array.isArray((value as Record<string, unknown>)[keys[0]!]);
}

export function toMapValues(value: Record<string, unknown>): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) out[key] = toDynamoDB(item);
  }
  return out;
}

const orNull = <T>(value: unknown, make: () => T): T | null => (value === null || value === undefined ? null : make());

export const toMap = (value: Record<string, unknown>) => orNull(value, () => ({ M: toMapValues(value) }));
export const toList = (value: unknown[]) => orNull(value, () => ({ L: value.map(toDynamoDB) }));
export const toString = (value: string) => orNull(value, () => ({ S: value }));
export const toStringSet = (value: string[]) => orNull(value, () => ({ SS: value }));
export const toNumber = (value: number) => orNull(value, () => ({ N: value }));
export const toNumberSet = (value: number[]) => orNull(value, () => ({ NS: value }));
export const toBinary = (value: string) => orNull(value, () => ({ B: value }));
export const toBinarySet = (value: string[]) => orNull(value, () => ({ BS: value }));
export const toBoolean = (value: boolean) => orNull(value, () => ({ BOOL: value }));
export const toNull = () => ({ NULL: null });

export function toS3Object(key: string, bucket: string, region: string, version?: string) {
  const s3: Record<string, string> = { key, bucket, region };
  if (version !== undefined) s3.version = version;
  return { S: JSON.stringify({ s3 }) };
}

export function fromS3ObjectJson(text: string) {
  return JSON.parse(text).s3;
}
