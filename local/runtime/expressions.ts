// The filter-object syntax AppSync's helpers take for conditions, filters and
// key conditions ({ title: { contains: 'x' }, or: [...] }), rendered into a
// DynamoDB expression the way util.transform.toDynamoDB*Expression renders it.
import { toDynamoDB, type AttributeValue } from './util/dynamodb.ts';

export type Expression = {
  expression: string;
  expressionNames: Record<string, string>;
  expressionValues: Record<string, AttributeValue>;
};

const COMPARISONS: Record<string, string> = { eq: '=', ne: '<>', le: '<=', lt: '<', ge: '>=', gt: '>' };
const TYPE_CODES: Record<string, string> = {
  string: 'S', number: 'N', binary: 'B', boolean: 'BOOL', null: 'NULL', list: 'L', map: 'M',
  stringSet: 'SS', numberSet: 'NS', binarySet: 'BS',
};

export function toExpression(filter: Record<string, unknown>): Expression {
  const out: Expression = { expression: '', expressionNames: {}, expressionValues: {} };
  out.expression = render(filter, '', out).join(' AND ');
  return out;
}

/**
 * Each part comes parenthesised once. Parts are wrapped again only when they are
 * joined: DynamoDB refuses an expression with redundant parentheses, which an
 * `and`/`or`/`not` of a single member would otherwise give (`((attribute_not_exists(#id)))`).
 */
function render(filter: Record<string, unknown>, prefix: string, out: Expression): string[] {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined) continue;
    if (key === 'and' || key === 'or') {
      const members = (value as Record<string, unknown>[]).map((member, i) => group(render(member, `${prefix}${key}_${i}_`, out), ' AND '));
      parts.push(group(members, key === 'and' ? ' AND ' : ' OR '));
    } else if (key === 'not') {
      const members = (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
      const inner = members.flatMap((m, i) => render(m, `${prefix}not_${i}_`, out));
      parts.push(`(NOT ${group(inner, ' AND ')})`);
    } else {
      parts.push(...renderField(key, value as Record<string, unknown>, prefix, out));
    }
  }
  return parts;
}

/** One part as it is (already in parentheses); several joined and wrapped once. */
function group(parts: string[], joiner: string): string {
  return parts.length === 1 ? parts[0]! : `(${parts.join(joiner)})`;
}

function renderField(field: string, ops: Record<string, unknown>, prefix: string, out: Expression): string[] {
  const name = `#${field}`;
  out.expressionNames[name] = field;
  const value = (op: string, v: unknown, suffix = '') => {
    const placeholder = `:${prefix}${field}_${op}${suffix}`;
    out.expressionValues[placeholder] = toDynamoDB(v);
    return placeholder;
  };
  const parts: string[] = [];
  for (const [op, operand] of Object.entries(ops ?? {})) {
    if (operand === undefined) continue;
    if (COMPARISONS[op]) parts.push(`(${name} ${COMPARISONS[op]} ${value(op, operand)})`);
    else if (op === 'contains') parts.push(`(contains(${name},${value(op, operand)}))`);
    else if (op === 'notContains') parts.push(`(NOT contains(${name},${value(op, operand)}))`);
    else if (op === 'beginsWith') parts.push(`(begins_with(${name},${value(op, operand)}))`);
    else if (op === 'between') {
      const [lo, hi] = operand as unknown[];
      parts.push(`(${name} BETWEEN ${value(op, lo, '_start')} AND ${value(op, hi, '_end')})`);
    } else if (op === 'in') {
      const list = (operand as unknown[]).map((v, i) => value(op, v, `_${i}`));
      parts.push(`(${name} IN (${list.join(', ')}))`);
    } else if (op === 'attributeExists') {
      parts.push(operand ? `(attribute_exists(${name}))` : `(attribute_not_exists(${name}))`);
    } else if (op === 'attributeType') {
      parts.push(`(attribute_type(${name},${value(op, TYPE_CODES[operand as string] ?? operand)}))`);
    } else if (op === 'size') {
      for (const [cmp, n] of Object.entries(operand as Record<string, unknown>)) {
        if (!COMPARISONS[cmp]) throw new TypeError(`Unsupported size operator ${cmp}`);
        parts.push(`(size(${name}) ${COMPARISONS[cmp]} ${value(`size_${cmp}`, n)})`);
      }
    } else {
      throw new TypeError(`Unsupported filter operator ${op} on ${field}`);
    }
  }
  return parts;
}
