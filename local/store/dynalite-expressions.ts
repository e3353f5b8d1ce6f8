// A memo of dynalite's expression parses, by the expression's shape. dynalite runs a PEG parser over every
// UpdateExpression, ConditionExpression, KeyConditionExpression, FilterExpression and ProjectionExpression of
// every call, resolving `#name`s and `:value`s inline as it goes (about a tenth of the server's CPU in a vote's
// profile), though a resolver sends the same few expressions again and again with other values and names.
//
// The shape of a parse is what its result and its errors depend on: the parser, the expression text, the keys of
// ExpressionAttributeNames with which of their values are equal to each other, and the keys of
// ExpressionAttributeValues with each value's type. Not the contents: dynalite's parsers only look at a name to
// compare it with another and at a value for its type, except in BETWEEN (compares its bounds) and attribute_type
// (reads its type name), whose expressions are never kept. The checks on the values themselves (numbers, sizes,
// empty sets) run before the parse in dynalite's own code and stay on every call.
//
// The first time a shape is seen, dynalite parses it as always (its answer is the call's), then once more with
// stand-ins for every name (unique strings) and value (symbols, which throw if anything reads them). The stand-in
// parse becomes a template; the shape is kept only if the template, filled with this call's names and values, is
// deep-equal to dynalite's own parse and uses the same names and values. Later calls of the shape get the template
// filled with their own names and values, fresh objects each time (dynalite's actions rewrite some of them).
// Expressions that fail to parse are not kept: they are parsed each time, so their errors are dynalite's.
//
// Hand-written because it hooks dynalite's three parser modules, the functions its validations call by name.
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { ByteBoundedCache } from '../cache/byte-bounded.ts';

const require = createRequire(import.meta.url);

type Context = {
  attrNames?: Record<string, string>;
  attrVals?: Record<string, Record<string, unknown>>;
  unusedAttrNames?: Record<string, true>;
  unusedAttrVals?: Record<string, true>;
  isKeyCondition?: boolean;
  [other: string]: unknown;
};
type Parse = (input: string, options: { context: Context }) => unknown;
type ParserModule = { parse: Parse };

/** Shapes kept at most, and the bytes their templates may hold together (issue 11: every cache bounded). */
export const MAX_SHAPES = 2048;
export const MAX_BYTES = 4 * 1024 * 1024;
/** A template larger than this (an expression of thousands of paths) is parsed each time. */
const MAX_SHAPE_BYTES = 256 * 1024;

/** Parses whose result depends on a value's contents, not only its type. */
const CONTENT_DEPENDENT = /between|attribute_type/i;
/** Names that would change how a result is built (a falsy name is undefined to dynalite; numeric keys reorder objects). */
const awkwardName = (name: string) => name === '' || name === '__proto__' || /^\d+$/.test(name);

// Template nodes: what the stand-in parse returned, with the stand-ins replaced by slots.
class ValueSlot {
  constructor(readonly key: string) {}
}
class NameSlot {
  constructor(readonly index: number) {}
}
class ArrayNode {
  shared = false;
  constructor(readonly items: Node[]) {}
}
class ObjectNode {
  shared = false;
  constructor(
    readonly proto: object | null,
    readonly entries: [string | NameSlot, Node][],
  ) {}
}
type Node = ValueSlot | NameSlot | ArrayNode | ObjectNode | string | number | boolean | null | undefined;

type Shape = {
  template: Node;
  /** The names and values the parse resolves: dynalite marks them used, for its "unused" errors. */
  usedNames: string[];
  usedValues: string[];
  /** Words written in the expression: a name equal to one relates to it, which the stand-ins cannot show. */
  words: Set<string>;
};

class NotTemplatable extends Error {}

/** One store's memo: the kept shapes. */
export class ExpressionMemo {
  private readonly shapes = new ByteBoundedCache<Shape>(MAX_BYTES, MAX_SHAPE_BYTES, MAX_SHAPES);
  /** How calls went, for the specifications and benches. */
  readonly counts = { hits: 0, misses: 0, bypassed: 0 };

  get size() {
    return this.shapes.size;
  }
  get bytes() {
    return this.shapes.bytes;
  }

  parse(parser: number, original: Parse, input: string, options: { context: Context }): unknown {
    const { context } = options;
    const names = context.attrNames ?? {};
    const values = context.attrVals ?? {};
    const nameList = Object.values(names);
    if (CONTENT_DEPENDENT.test(input) || input.includes('\u0000') || nameList.some(awkwardName)) {
      this.counts.bypassed++;
      return original(input, options);
    }
    // The shape: equal names share an index.
    const indexOf = new Map<string, number>();
    const nameIndex: number[] = [];
    let key = `${parser}${context.isKeyCondition ? 'k' : ''}\u0000${input}\u0000`;
    for (const name in names) {
      let index = indexOf.get(names[name]!);
      if (index === undefined) indexOf.set(names[name]!, (index = indexOf.size));
      nameIndex.push(index);
      key += `${name}=${index},`;
    }
    key += '\u0000';
    for (const name in values) key += `${name}:${Object.keys(values[name]!).join('|')},`;

    const shape = this.shapes.get(key);
    if (shape) {
      if (nameList.some((name) => shape.words.has(name))) {
        this.counts.bypassed++;
        return original(input, options);
      }
      this.counts.hits++;
      for (const name of shape.usedNames) delete context.unusedAttrNames?.[name];
      for (const name of shape.usedValues) delete context.unusedAttrVals?.[name];
      return fill(shape.template, [...indexOf.keys()], values, new Map());
    }

    this.counts.misses++;
    const unusedNamesBefore = Object.keys(context.unusedAttrNames ?? {});
    const unusedValuesBefore = Object.keys(context.unusedAttrVals ?? {});
    const result = original(input, options); // dynalite's own answer; throws as it throws
    if (typeof result !== 'object' || result === null) return result; // an error message: parsed each time
    const words = new Set(input.match(/(?<![#:A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
    if (nameList.some((name) => words.has(name))) return result;
    const learnt = learn(original, input, context, names, values, nameIndex, indexOf.size);
    if (!learnt) return result;
    // Kept only if the template gives this call exactly what dynalite gave it.
    const filled = fill(learnt.template, [...indexOf.keys()], values, new Map());
    if (!isDeepStrictEqual(filled, result)) return result;
    const deletedNames = unusedNamesBefore.filter((name) => !(name in (context.unusedAttrNames ?? {})));
    const deletedValues = unusedValuesBefore.filter((name) => !(name in (context.unusedAttrVals ?? {})));
    const same = (deleted: string[], used: string[], before: string[]) =>
      deleted.every((name) => used.includes(name)) && used.every((name) => !before.includes(name) || deleted.includes(name));
    if (!same(deletedNames, learnt.usedNames, unusedNamesBefore) || !same(deletedValues, learnt.usedValues, unusedValuesBefore)) return result;
    this.shapes.set(key, { ...learnt, words }, key.length * 2 + learnt.bytes + input.length * 4);
    return result;
  }
}

/** Parses the shape once more with stand-ins, and makes the template from that parse. */
function learn(
  original: Parse,
  input: string,
  context: Context,
  names: Record<string, string>,
  values: Record<string, Record<string, unknown>>,
  nameIndex: number[],
  distinctNames: number,
) {
  const standInNames = Array.from({ length: distinctNames }, (_, i) => `\u0001name${i}\u0001`);
  const probeNames: Record<string, string> = {};
  Object.keys(names).forEach((name, i) => (probeNames[name] = standInNames[nameIndex[i]!]!));
  const probeValues: Record<string, Record<string, unknown>> = {};
  const valueKeys = new Map<object, string>();
  for (const name in values) {
    const probe: Record<string, unknown> = {};
    for (const type of Object.keys(values[name]!)) probe[type] = Symbol(name);
    probeValues[name] = probe;
    valueKeys.set(probe, name);
  }
  const unusedAttrNames: Record<string, true> = {};
  const unusedAttrVals: Record<string, true> = {};
  for (const name in names) unusedAttrNames[name] = true;
  for (const name in values) unusedAttrVals[name] = true;
  let parsed: unknown;
  try {
    parsed = original(input, { context: { ...context, attrNames: probeNames, attrVals: probeValues, unusedAttrNames, unusedAttrVals } });
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const nameSlots = new Map(standInNames.map((name, i) => [name, new NameSlot(i)]));
  const made = new Map<object, Node>();
  let bytes = 0;
  const build = (value: unknown): Node => {
    if (typeof value === 'string') {
      bytes += 16 + value.length * 2;
      return nameSlots.get(value) ?? value;
    }
    if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return (bytes += 8), value;
    if (typeof value !== 'object') throw new NotTemplatable(); // a stand-in symbol copied out of its value
    const slot = valueKeys.get(value);
    if (slot !== undefined) return (bytes += 16), new ValueSlot(slot);
    const seen = made.get(value);
    if (seen) {
      (seen as ArrayNode | ObjectNode).shared = true;
      return seen;
    }
    const proto = Object.getPrototypeOf(value);
    if (Array.isArray(value)) {
      const node = new ArrayNode([]);
      made.set(value, node);
      bytes += 32 + value.length * 8;
      for (let i = 0; i < value.length; i++) node.items.push(build(value[i]));
      return node;
    }
    if (proto !== Object.prototype && proto !== null) throw new NotTemplatable();
    if (Object.getOwnPropertySymbols(value).length) throw new NotTemplatable();
    const node = new ObjectNode(proto, []);
    made.set(value, node);
    for (const [name, child] of Object.entries(value)) {
      bytes += 32 + name.length * 2;
      node.entries.push([nameSlots.get(name) ?? name, build(child)]);
    }
    return node;
  };
  try {
    const template = build(parsed);
    return {
      template,
      bytes,
      usedNames: Object.keys(names).filter((name) => !(name in unusedAttrNames)),
      usedValues: Object.keys(values).filter((name) => !(name in unusedAttrVals)),
    };
  } catch (error) {
    if (error instanceof NotTemplatable) return null;
    throw error;
  }
}

/** The template with this call's names and values, as fresh objects (shared where dynalite's parse shares). */
function fill(node: Node, names: string[], values: Record<string, unknown>, made: Map<Node, unknown>): unknown {
  if (typeof node !== 'object' || node === null) return node;
  if (node instanceof ValueSlot) return values[node.key];
  if (node instanceof NameSlot) return names[node.index];
  if (node.shared) {
    const seen = made.get(node);
    if (seen) return seen;
  }
  if (node instanceof ArrayNode) {
    const array: unknown[] = [];
    if (node.shared) made.set(node, array);
    for (const item of node.items) array.push(fill(item, names, values, made));
    return array;
  }
  const object: Record<string, unknown> = node.proto === null ? Object.create(null) : {};
  if (node.shared) made.set(node, object);
  for (const [name, child] of node.entries) object[typeof name === 'string' ? name : names[name.index]!] = fill(child, names, values, made);
  return object;
}

// ── The hook ─────────────────────────────────────────────────────────────────
// dynalite's validations call `parser.parse(text, { context })` on its parser modules; each is wrapped once, and
// consults the memo of the store whose call is being validated (validation is synchronous), or none: a store
// started asShipped, and dynalite's own HTTP server, parse as dynalite does.

let active: ExpressionMemo | null = null;
const PARSERS = ['dynalite/db/updateParser', 'dynalite/db/conditionParser', 'dynalite/db/projectionParser'];
const HOOKED = Symbol.for('handsup.dynalite-expressions');
PARSERS.forEach((path, parser) => {
  const module = require(path) as ParserModule & { [HOOKED]?: true };
  if (module[HOOKED]) return;
  const original = module.parse;
  module.parse = (input, options) => (active ? active.parse(parser, original, input, options) : original(input, options));
  module[HOOKED] = true;
});

/** Runs dynalite's validation of one call with memo parsing its expressions (null: dynalite's own parse). */
export function withExpressionMemo<T>(memo: ExpressionMemo | null, validate: () => T): T {
  const before = active;
  active = memo;
  try {
    return validate();
  } finally {
    active = before;
  }
}
