// AppSync's typed values and DynamoDB's wire format differ in two things: AppSync lets numbers
// be JSON numbers ({N: 12}) where the wire wants strings, and writes null as {NULL: null}.
// Results go back to resolvers as plain JSON (ctx.result).

type Wire = Record<string, unknown>;

export function toWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toWire);
  if (!value || typeof value !== 'object') return value;
  const out: Wire = {};
  for (const [type, inner] of Object.entries(value)) {
    if (type === 'N') out.N = String(inner);
    else if (type === 'NS') out.NS = (inner as unknown[]).map(String);
    else if (type === 'L') out.L = (inner as unknown[]).map(toWire);
    else if (type === 'M') out.M = toWireMap(inner as Wire);
    // util.dynamodb.toNull() gives {NULL: null}; DynamoDB only takes {NULL: true}.
    else if (type === 'NULL') out.NULL = true;
    else out[type] = inner;
  }
  return out;
}

export function toWireMap(map: Wire | undefined): Wire | undefined {
  if (!map) return undefined;
  const out: Wire = {};
  for (const [key, value] of Object.entries(map)) out[key] = toWire(value);
  return out;
}

/** A wire attribute value as plain JSON: N → number, sets → arrays, B → base64 string. */
export function fromWire(value: Wire): unknown {
  const type = typeOf(value);
  const inner = type === undefined ? undefined : value[type];
  switch (type) {
    case 'S':
    case 'B':
    case 'BOOL':
      return inner;
    case 'N':
      return Number(inner);
    case 'NULL':
      return null;
    case 'SS':
    case 'BS':
      return inner;
    case 'NS':
      return (inner as string[]).map(Number);
    case 'L':
      return (inner as Wire[]).map(fromWire);
    case 'M':
      return fromWireItem(inner as Record<string, Wire>);
    default:
      return null;
  }
}

export function fromWireItem(item: Record<string, Wire> | undefined): Record<string, unknown> | null {
  if (!item) return null;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(item)) out[key] = fromWire(item[key] as Wire);
  return out;
}

/**
 * A wire value's type: its first own key, as Object.entries(value)[0] gave, without making
 * the entries (a BatchGetItem shared by a burst of subscription starts is converted once per start).
 */
export function typeOf(value: Wire): string | undefined {
  for (const key in value) if (Object.prototype.hasOwnProperty.call(value, key)) return key;
  return undefined;
}
