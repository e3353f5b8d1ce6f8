// Reading a request object the way AppSync does: required fields must be there, fields an
// operation does not take are refused, and every typed value is checked before DynamoDB sees it.
import { missingField, MappingTemplateError, unsupportedElement } from './errors.ts';
import type { ExpressionObject } from './expression.ts';

export type Request = Record<string, unknown>;

const TYPES = new Set(['S', 'N', 'B', 'BOOL', 'NULL', 'SS', 'NS', 'BS', 'L', 'M']);

/** Refuses fields outside `allowed` (the operation's documented fields). `version` is the VTL template version, tolerated. */
export function onlyFields(object: Record<string, unknown>, allowed: readonly string[], path = '') {
  for (const key of Object.keys(object)) {
    if (object[key] === undefined) continue;
    if (!allowed.includes(key) && !(path === '' && key === 'version')) throw unsupportedElement(join(path, key));
  }
}

export function required<T = unknown>(object: Record<string, unknown>, key: string, path = ''): T {
  const value = object[key];
  if (value === undefined || value === null) throw missingField(join(path, key));
  return value as T;
}

export function optional<T = unknown>(object: Record<string, unknown>, key: string): T | undefined {
  const value = object[key];
  return value === null ? undefined : (value as T | undefined);
}

export function objectAt(value: unknown, path: string): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new MappingTemplateError(`Expected JSON object for '$[${path}]' but got '${jsonType(value)}' instead.`);
  }
  return value as Record<string, unknown>;
}

export function arrayAt(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) throw new MappingTemplateError(`Expected JSON array for '$[${path}]' but got '${jsonType(value)}' instead.`);
  return value;
}

/** A map of typed values (`key`, `attributeValues`, `expressionValues`): each one `{TYPE: value}`. */
export function typedMap(value: unknown, path: string): Record<string, unknown> {
  const map = objectAt(value, path);
  for (const [name, typed] of Object.entries(map)) checkTyped(typed, `${path}][${name}`);
  return map;
}

function checkTyped(value: unknown, path: string) {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new MappingTemplateError(`Expected JSON object for attribute value '$[${path}]' but got '${jsonType(value)}' instead.`);
  }
  const entries = Object.entries(value);
  // "The JSON object cannot have more than one key-value pair" (js-aws-appsync-resolver-reference-dynamodb-typed-values-request.html).
  if (entries.length !== 1) throw new MappingTemplateError(`Expected exactly one type for attribute value '$[${path}]'.`);
  const [type, inner] = entries[0]!;
  if (!TYPES.has(type)) throw unsupportedElement(`${path}][${type}`);
  if (type === 'L') arrayAt(inner, `${path}][L`).forEach((item, i) => checkTyped(item, `${path}][L][${i}`));
  if (type === 'M') typedMap(inner, `${path}][M`);
}

/** An `{expression, expressionNames?, expressionValues?}` object; `withValues` false for projections. */
export function expressionAt(value: unknown, path: string, fields: readonly string[] = ['expression', 'expressionNames', 'expressionValues']) {
  // util.transform.toDynamoDBConditionExpression returns a JSON string, which AppSync also takes.
  const object = objectAt(typeof value === 'string' ? parseJson(value, path) : value, path);
  onlyFields(object, fields, path);
  const expression = required<string>(object, 'expression', path);
  if (typeof expression !== 'string') throw new MappingTemplateError(`Expected string for '$[${path}][expression]'.`);
  if (object.expressionNames !== undefined && object.expressionNames !== null) objectAt(object.expressionNames, `${path}][expressionNames`);
  if (object.expressionValues !== undefined && object.expressionValues !== null) typedMap(object.expressionValues, `${path}][expressionValues`);
  return object as ExpressionObject & Record<string, unknown>;
}

function parseJson(text: string, path: string) {
  try {
    return JSON.parse(text);
  } catch {
    throw new MappingTemplateError(`Expected JSON object for '$[${path}]' but got 'STRING' instead.`);
  }
}

function join(path: string, key: string) {
  return path ? `${path}][${key}` : key;
}

function jsonType(value: unknown) {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return 'ARRAY';
  if (typeof value === 'string') return 'STRING';
  if (typeof value === 'number') return 'NUMBER';
  if (typeof value === 'boolean') return 'BOOLEAN';
  return 'OBJECT';
}
