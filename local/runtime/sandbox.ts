// Runs APPSYNC_JS code in a realm of its own (node:vm): its own intrinsics, none
// of Node's globals, only the built-ins AppSync offers. A module is compiled once;
// its top level runs again for each request (see `handlersFor`), unless it makes
// nothing a request could change (module-state.ts).
//
// Nothing of the host realm is ever handed to resolver code. A host object would
// lead back to the host's Function (`ctx.constructor.constructor('return process')()`),
// so every value crosses the boundary as a copy made of the realm's own objects,
// and every host function (util.*, the dynamodb helpers, console) is reached
// through a function of the realm that copies its arguments to plain data (a
// host function must never call back into resolver code: an array with its own
// `map` would be handed the host's callback), calls it, copies its result in,
// and turns its signals (util.error, runtime.earlyReturn) into an inert token.
// The realm cannot compile strings (codeGeneration.strings: false), so its own
// Function is no way out either; its error stacks list only resolver frames.
//
// Each request starts clean, as AppSync evaluates code per request (it documents
// no state kept between requests; its JS resolvers are "managed in the same
// manner as VTL", whose templates keep none): a module's top level is evaluated
// afresh for each request (once for all, when it holds nothing a request could
// change: module-state.ts), and the realm's built-ins are frozen once loaded, so
// no request can change what another sees. Frozen, not re-created: a fresh realm
// costs milliseconds, far over the runtime's 20 µs budget per handler. What this
// changes: code that adds to or replaces a built-in (`Object.prototype.x = 1`)
// fails with a TypeError instead of succeeding for itself. Assigning a property
// that a built-in prototype also has (`item.toString = …`, `error.message = …`)
// still works: those properties are accessors that define the property on the
// object assigned to ("override taming", as in SES), not read-only values.
import v8 from 'node:v8';
import vm from 'node:vm';
import { compileModule, CompileError } from './compile.ts';
import { currentInvocation, type Invocation } from './invocation.ts';
import * as dynamodbModule from './modules/dynamodb.ts';
import * as utilsModule from './modules/utils.ts';
import { frameIn, SourcePositions, type Position } from './positions.ts';
import { EarlyReturn, ExecutionTimeout, OutOfMemory, ResolverError, SliceOver } from './signals.ts';

// A regular expression that backtracks catastrophically (/(a+)+$/ on 'aaa…b') would hold
// the thread inside one built-in call for seconds to hours: past 50,000 backtracks V8
// runs it again on its linear-time engine, same answer (the flag is read when an
// expression is compiled; it applies to the server's own expressions alike). Not for
// expressions that engine cannot run (backreferences, lookarounds).
v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');

export type Handler = (ctx: unknown) => unknown;

/** A compiled module's top level, as a function of the realm: `(import, exports, tick, spread, grown, written) => void` (compile.ts). */
type ModuleFactory = (
  load: (specifier: string) => object | undefined,
  exports: Record<string, unknown>,
  tick: () => void,
  spread: (value: unknown) => unknown,
  grown: (value: unknown) => unknown,
  written: (value: unknown) => unknown,
) => void;

type Handlers = { request?: Handler; response?: Handler };

export type CodeModule = {
  /** The source file (or `code.js` for evaluate-code). */
  file: string;
  /** The bundled module, as AppSync would be given it. */
  code: string;
  /** How it was loaded (its source map, its name): a worker thread loads it the same way (runaway/). */
  options: LoadOptions;
  /** The handlers of the evaluation made at load: whether each exists (each request evaluates the module again). */
  request?: Handler;
  response?: Handler;
  positions: SourcePositions;
  realm: Realm;
  factory: ModuleFactory;
  /** Request (any object that stands for one) → the module's handlers evaluated for it. */
  instances: WeakMap<object, Handlers>;
  /** The handlers of the evaluation made at load, when its top level is inert (module-state.ts): every request's. */
  shared?: Handlers;
};

/** Realm-side helpers, callable from the host. Their arguments may be host values: they copy them in. */
type Internals = {
  toRealm(value: unknown): unknown;
  /** A realm value copied as plain data without running resolver code (getters, toJSON), or undefined if it cannot be. */
  snapshot(value: unknown): unknown;
  /**
   * ctx's parts shared by every handler of a field (arguments, source, identity, stash, headers, variables), copied as
   * `snapshot` copies, their objects noted so that a write to one counts in `Clock.writes`; undefined if they cannot be.
   */
  shareable(ctx: unknown): unknown;
  /** A handler's return value, checked for size (a realm function: it throws the signal OutOfMemory). */
  returned(value: unknown): unknown;
  /** The characters JSON.stringify would make of a realm value, counted without making them (past REFUSED_CALL: more). */
  printedSize(value: unknown): number;
  expose(tree: object): object;
  fieldRun(parts: FieldRunParts, selectionSetList: () => unknown, selectionSetGraphQL: () => unknown): RealmFieldRun;
  handlerContext(run: RealmFieldRun, prev: unknown, hasResult: boolean, result: unknown, error: unknown): unknown;
  importer(table: object): (specifier: string) => object | undefined;
  instantiate(factory: ModuleFactory, load: (specifier: string) => object | undefined): Record<string, unknown>;
  lockDown(): void;
  signal: object;
  tick: () => void;
};

export type FieldRunParts = {
  args: unknown;
  source: unknown;
  identity: unknown;
  headers: unknown;
  domainName: string | null;
  env: unknown;
  fieldName: string;
  parentTypeName: string;
  variables: unknown;
};

/** The realm's ctx parts shared by every handler of one field (an opaque realm object). */
export type RealmFieldRun = { readonly __realmFieldRun: unique symbol };

export type Realm = {
  context: vm.Context;
  internals: Internals;
  /** Module specifier → the realm's copy of it. */
  modules: Map<string, object>;
  /** The realm's function that resolves imports (a host function would leak the host's Function). */
  importer: (specifier: string) => object | undefined;
  /** Script name → module, to place stack frames and console calls. */
  scripts: Map<string, CodeModule>;
  /**
   * Read by the clock inside the realm: the deadline of the request in progress,
   * and the handler's slice of this thread (it ends at sliceEnd once the handler
   * has ticked sliceMinTicks times), and the ticks so far (counted by 128).
   */
  clock: Clock;
};

/**
 * The realm's clock (see Realm.clock), and what the handler in progress made on the
 * server's thread: `made`, elements and characters of the built-in calls guarded by
 * size, `burst`, those of large values made since the last heap check (spreads,
 * concatenations, copying built-ins), `heapBase`, the heap in use at its first heap
 * check (0 until then), and `heapLimit`, the growth past it that fails the handler
 * with OutOfMemory (Infinity where V8's own limit of a worker does that).
 */
export type Clock = {
  deadline: number;
  sliceEnd: number;
  sliceMinTicks: number;
  ticks: number;
  made: number;
  burst: number;
  heapBase: number;
  heapLimit: number;
  /**
   * Writes so far to the objects of a copy of ctx's shared parts (`Internals.shareable`), by resolver code or
   * by the host (runaway/handed.ts): while it stands still, the last copy still holds.
   */
  writes: number;
};

/** One guarded built-in call making more elements or characters than this ends the slice of the server's thread. */
export const LARGE_CALL = 1 << 20;
/** …as do guarded calls that make more than this together, in one handler… */
export const LARGE_TOTAL = 8 * LARGE_CALL;
/**
 * A guarded call past this many elements or characters, or calls past it together in
 * one handler, fail with OutOfMemory wherever they run: on a worker V8 would not stop
 * them at its heap limit but end the whole process (one allocation that fails even
 * after its last-resort collection is fatal), and a sparse array's elements cost
 * ~40 bytes each, so 4 M of them already fill half a worker's 256 MB.
 */
export const REFUSED_CALL = 4 * LARGE_CALL;
/** …and a heap grown by more than this since the handler's first clock check. */
export const LARGE_HEAP_GROWTH = 128 * 1024 * 1024;
/**
 * Values of at least this many elements or characters, made by syntax or by a
 * copying built-in, are counted into `Clock.burst`; past LARGE_CALL of them the
 * heap is checked at once rather than at the clock's next check, which a loop
 * doubling a value never reaches (its check comes every 128 rounds).
 */
export const LARGE_VALUE = 1 << 16;

export const PROVIDED_MODULES: Record<string, object> = {
  '@aws-appsync/utils': utilsModule,
  '@aws-appsync/utils/dynamodb': dynamodbModule,
};
export const UNSUPPORTED_MODULES = new Set(['@aws-appsync/utils/rds', '@aws-appsync/utils/ai']);

// Run inside the realm once. Takes the host bridge, strips what AppSync's runtime
// does not have, and returns the helpers the host uses to build values there.
const SETUP = `(function (bridge) {
  "use strict";
  const g = globalThis;
  const { create, defineProperty, freeze, getPrototypeOf, getOwnPropertyDescriptor, keys, hasOwn } = Object;
  const ownKeys = Reflect.ownKeys, apply = Reflect.apply;
  const isArray = Array.isArray;
  const ObjectProto = Object.prototype, ArrayProto = Array.prototype, DateProto = Date.prototype;
  const dateToJSON = DateProto.toJSON;
  const RealmError = Error, RealmTypeError = TypeError;
  const startsWith = String.prototype.startsWith;
  // Intrinsics that no global names, reached through syntax: they are frozen with the rest.
  const hidden = [function* () {}, async function () {}, async function* () {}, [][Symbol.iterator](), ''[Symbol.iterator](),
    new Map()[Symbol.iterator](), new Set()[Symbol.iterator](), (async function () {})(), 'a'.matchAll(new RegExp('a', 'g'))];
  const now = Date.now;
  const call = bridge.call, clock = bridge.clock, timeout = bridge.timeout, sliceOver = bridge.sliceOver, heapUsed = bridge.heapUsed;
  const LARGE_CALL = bridge.limits.call, LARGE_TOTAL = bridge.limits.total, LARGE_HEAP_GROWTH = bridge.limits.heapGrowth;
  const REFUSED_CALL = bridge.limits.refused, LARGE_VALUE = bridge.limits.value, outOfMemory = bridge.outOfMemory;
  const SIGNAL = freeze(create(null));

  const RealmProxy = Proxy, construct = Reflect.construct;
  // ArrayBuffer, DataView and the typed arrays are not among AppSync's built-ins, and one call of theirs
  // allocates gigabytes outside the heap at once (\`new ArrayBuffer(2 ** 31)\`), where no heap check sees it.
  for (const name of ['eval', 'WebAssembly', 'SharedArrayBuffer', 'Atomics', 'FinalizationRegistry', 'WeakRef',
    'ArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array',
    'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array',
    'Proxy', 'Reflect', 'Intl', 'Promise', 'queueMicrotask', 'escape', 'unescape', 'AsyncIterator', 'Iterator']) delete g[name];
  // Date stays (the lint rules deny its setters and locale methods, so AppSync has one), without those.
  for (const name of ['setDate', 'setFullYear', 'setHours', 'setMilliseconds', 'setMinutes', 'setMonth', 'setSeconds',
    'setTime', 'setUTCDate', 'setUTCFullYear', 'setUTCHours', 'setUTCMilliseconds', 'setUTCMinutes', 'setUTCMonth',
    'setUTCSeconds', 'setYear', 'toGMTString', 'toLocaleDateString', 'toLocaleString', 'toLocaleTimeString']) delete Date.prototype[name];
  // Stack frames are ours to format: only frames of resolver code are listed (host
  // frames would name the server's files), and resolver code may not install a
  // formatter of its own (it would see CallSites).
  function formatStack(error, frames) {
    let out;
    try { out = String(error.name) + (error.message === '' ? '' : ': ' + String(error.message)); } catch { out = 'Error'; }
    for (let i = 0; i < frames.length; i++) {
      const file = frames[i].getFileName();
      if (typeof file !== 'string' || !apply(startsWith, file, ['appsync-code-'])) continue;
      out += '\\n    at ' + (frames[i].getFunctionName() || '<anonymous>') + ' (' + file + ':' + frames[i].getLineNumber() + ':' +
        frames[i].getColumnNumber() + ')';
    }
    return out;
  }
  defineProperty(Error, 'prepareStackTrace', { value: formatStack, writable: false, configurable: false });
  delete Error.captureStackTrace;
  // RegExp's legacy statics (RegExp.$1, lastMatch, …) hold the last match of the whole realm: one request would read another's.
  for (const name of ownKeys(RegExp)) if (name !== 'prototype' && name !== 'length' && name !== 'name' && name !== Symbol.species) delete RegExp[name];
  // The global object is not resolver code's to name or change (assignments to undeclared names throw in strict code).
  delete g.globalThis;
  const M = Math;
  defineProperty(g, 'Math', { value: freeze({ random: M.random, min: M.min, max: M.max, round: M.round, floor: M.floor,
    ceil: M.ceil }), writable: false, enumerable: false, configurable: false });
  const parse = JSON.parse, stringify = JSON.stringify;
  // AppSync's JSON.parse answers invalid text with an empty string instead of throwing (supported-features.html).
  // JSON.stringify is measured first (see textSize below): a value of shared parts prints each part every time it is reached.
  defineProperty(g, 'JSON', { value: freeze({
    stringify(value, replacer, space) {
      const indent = typeof space === 'number' ? M.min(10, M.max(0, M.floor(space))) : typeof space === 'string' ? M.min(10, space.length) : 0;
      oneValue(textSize(value, true, indent));
      return stringify(value, replacer, space);
    },
    parse(text, reviver) { try { return parse(text, reviver); } catch { return ''; } } }),
    writable: false, enumerable: false, configurable: false });

  // One built-in call can make a value of any size, and the clock runs between calls,
  // not inside one: Array(1e9).fill(0) would allocate gigabytes before the next tick and
  // end the server (V8 cannot recover from running out of its heap). So on the server's
  // thread (a slice is set) the built-ins whose result grows with an argument or with
  // the array's length check that size first: one call past LARGE_CALL, or calls past
  // LARGE_TOTAL together, end the slice, and the handler runs again on a worker, whose
  // heap limit gives its own error. On a worker (no slice) they run unchecked.
  // Anywhere, one past REFUSED_CALL (or calls past it together) fail as out of memory.
  function sizeCheck(size) {
    if (!(size <= REFUSED_CALL) || (clock.made += size) > REFUSED_CALL) { outOfMemory(); throw SIGNAL; }
    if (clock.sliceEnd !== Infinity && (size > LARGE_CALL || clock.made > LARGE_TOTAL)) { sliceOver(); throw SIGNAL; }
  }
  const lengthOf = (v) => (typeof v === 'string' || (typeof v === 'object' && v !== null) ? +v.length || 0 : 0);
  /** owner[name], replaced by the same built-in called after \`check(this, args)\`. */
  function checked(owner, name, check) {
    const original = owner[name];
    const guarded = { [name](...args) { check(this, args); return apply(original, this, args); } }[name];
    defineProperty(owner, name, { value: guarded, writable: true, enumerable: false, configurable: true });
  }
  const guard = (owner, name, sizeOf) => checked(owner, name, (self, args) => sizeCheck(sizeOf(self, args)));
  guard(ArrayProto, 'fill', (a) => lengthOf(a));
  guard(ArrayProto, 'join', (a, [separator]) => lengthOf(a) * (1 + (typeof separator === 'string' ? separator.length : 1)));
  guard(String.prototype, 'repeat', (s, [count]) => lengthOf(s) * (+count || 0));
  guard(String.prototype, 'padStart', (s, [length]) => +length || 0);
  guard(String.prototype, 'padEnd', (s, [length]) => +length || 0);
  guard(Array, 'from', (_, [items]) => lengthOf(items));
  // Calls that walk an array's length, holes included: after \`a.length = 1e9\` one of them
  // takes V8 seconds to minutes (reverse 22 s, sort 73 s) without allocating. Past
  // LARGE_CALL on the server's thread the handler moves to a worker, whose deadline ends it.
  for (const name of ['reverse', 'sort', 'indexOf', 'lastIndexOf', 'includes', 'copyWithin', 'shift', 'unshift', 'splice',
    'every', 'some', 'forEach', 'find', 'findIndex', 'findLast', 'findLastIndex', 'reduce', 'reduceRight']) {
    if (ArrayProto[name]) checked(ArrayProto, name, (self) => {
      if (clock.sliceEnd !== Infinity && lengthOf(self) > LARGE_CALL) { sliceOver(); throw SIGNAL; }
    });
  }

  // One value made at once, by syntax (a spread, a concatenation: compile.ts) or by a
  // built-in that copies or prints what it is given: past LARGE_CALL elements or
  // characters it ends the slice of the server's thread, past REFUSED_CALL it fails
  // with OutOfMemory anywhere. Not added to \`made\`: such values are mostly copies
  // that replace the last (\`items = [...items, x]\` in a loop), so a total would
  // refuse ordinary code; what they leave behind is what the heap check measures,
  // and large ones bring that check forward (\`burst\`), since a loop that doubles a
  // value reaches gigabytes in fewer rounds than the clock's 128 between checks.
  function oneValue(size) {
    if (!(size <= REFUSED_CALL)) { outOfMemory(); throw SIGNAL; }
    if (clock.sliceEnd !== Infinity && size > LARGE_CALL) { sliceOver(); throw SIGNAL; }
    if (size >= LARGE_VALUE && (clock.burst += size) > LARGE_CALL) heapCheck();
  }
  // The heap grown since the handler's first check: on the server's thread past
  // LARGE_HEAP_GROWTH the handler moves to a worker; past clock.heapLimit (evaluate-code,
  // which has no worker to move to) it fails with OutOfMemory. A worker's own V8 limit
  // stops it there, so it is not read.
  function heapCheck() {
    clock.burst = 0;
    if (clock.sliceEnd === Infinity && clock.heapLimit === Infinity) return;
    const used = heapUsed();
    if (clock.heapBase === 0) { clock.heapBase = used; return; }
    const growth = used - clock.heapBase;
    if (growth > clock.heapLimit) { outOfMemory(); throw SIGNAL; }
    if (clock.sliceEnd !== Infinity && growth > LARGE_HEAP_GROWTH) { sliceOver(); throw SIGNAL; }
  }
  function guardValue(owner, name, sizeOf) {
    checked(owner, name, (self, args) => oneValue(sizeOf(self, args)));
  }

  // Spread syntax: the size of what is spread (a string, an array, a Map or a Set; an
  // object's own keys only add to what an object already holds), weighed (compile.ts).
  const RealmMap = Map, RealmSet = Set;
  const mapSize = getOwnPropertyDescriptor(Map.prototype, 'size').get, setSize = getOwnPropertyDescriptor(Set.prototype, 'size').get;
  function spreadSize(v) {
    if (typeof v === 'string' || isArray(v)) return v.length;
    try {
      if (v instanceof RealmMap) return apply(mapSize, v, []);
      if (v instanceof RealmSet) return apply(setSize, v, []);
    } catch { /* an object that only claims Map's prototype: spreading it fails on its own */ }
    return 0;
  }
  function spread(v, weight) {
    const size = spreadSize(v) * (weight || 1);
    if (size >= LARGE_VALUE) oneValue(size);
    return v;
  }
  // A string just made by \`+\`, \`+=\` or a template literal. V8 makes it in constant
  // time as a pair of its parts (a cons string), whatever its length, so \`s = s + s\`
  // reaches hundreds of megabytes in ~28 steps; they are allocated when it is first read.
  function grown(v) {
    if (typeof v === 'string' && v.length >= LARGE_VALUE) oneValue(v.length);
    return v;
  }

  // The characters String(array) (join, toString) or JSON.stringify would make, counted
  // without making them, and without running resolver code (getters are not read): a
  // value whose parts are shared (\`a = [a, a]\`, 25 times) prints each part every time it
  // is reached, 2^25 of them, from a value of 25 arrays. Counting stops past the largest
  // value the caller may make. Cycles count nothing (join prints them empty;
  // JSON.stringify throws).
  // Each array or object is counted once (\`known\`) and its count reused wherever it
  // is reached again, so counting takes as long as the value has parts, not as long as
  // printing would.
  let countLimit = 0, known = null;
  // Not stack.indexOf: that is the guarded built-in (above), a check and a copy of its arguments per call.
  function onStack(stack, v) {
    for (let i = 0; i < stack.length; i++) if (stack[i] === v) return true;
    return false;
  }
  function count(v, json, indent, depth, stack) {
    if (typeof v === 'string') return v.length + 2;
    if (typeof v !== 'object' || v === null) return 1;
    const array = isArray(v);
    if (!array && !json) return 15;
    if (depth > 512 || onStack(stack, v)) return 0;
    // With an indent, a part's text depends on how deep it sits: counted again where it is reached.
    const memo = indent === 0 && depth > 0;
    if (memo) {
      if (known === null) known = new RealmMap();
      const size = known.get(v);
      if (size !== undefined) return size;
    }
    stack.push(v);
    const names = array ? undefined : keys(v);
    const n = array ? v.length : names.length;
    let total = n * (1 + indent * (depth + 1));
    for (let i = 0; i < n && total <= countLimit; i++) {
      const d = getOwnPropertyDescriptor(v, array ? i : names[i]);
      if (!array) total += names[i].length + 3;
      if (d && 'value' in d) total += count(d.value, json, indent, depth + 1, stack);
    }
    stack.pop();
    if (memo) known.set(v, total);
    return total;
  }
  function textSize(v, json, indent, limit = clock.sliceEnd !== Infinity ? LARGE_CALL : REFUSED_CALL) {
    countLimit = limit;
    known = null;
    const size = count(v, json, indent, 0, []);
    known = null;
    return size;
  }
  // The elements a.flat(depth) would make, counted the same way (once per array and depth left).
  function countLeaves(a, depth, stack) {
    let byDepth = known.get(a);
    if (byDepth === undefined) known.set(a, (byDepth = new RealmMap()));
    const size = byDepth.get(depth);
    if (size !== undefined) return size;
    let total = 0;
    const n = a.length;
    for (let i = 0; i < n && total <= countLimit; i++) {
      const d = getOwnPropertyDescriptor(a, i);
      const e = d && 'value' in d ? d.value : undefined;
      if (depth >= 1 && isArray(e) && !onStack(stack, e)) {
        stack.push(e);
        total += countLeaves(e, depth - 1, stack);
        stack.pop();
      } else if (d) total += 1;
    }
    byDepth.set(depth, total);
    return total;
  }
  function flatSize(a, depth) {
    if (!isArray(a)) return 0;
    const d = depth === undefined ? 1 : +depth;
    countLimit = clock.sliceEnd !== Infinity ? LARGE_CALL : REFUSED_CALL;
    known = new RealmMap();
    const size = countLeaves(a, d === d ? d : 0, [a]);
    known = null;
    return size;
  }
  const measured = (v) => (typeof v === 'string' || isArray(v) ? v.length : 0);
  const sumOfLengths = (values) => { let n = 0; for (let i = 0; i < values.length; i++) n += measured(values[i]); return n; };
  guardValue(ArrayProto, 'join', (a) => (isArray(a) ? textSize(a, false, 0) : 0));
  guardValue(ArrayProto, 'flat', (a, [depth]) => flatSize(a, depth));
  guardValue(ArrayProto, 'concat', (a, args) => {
    let n = lengthOf(a);
    for (let i = 0; i < args.length; i++) n += isArray(args[i]) ? args[i].length : 1;
    return n;
  });
  guardValue(String.prototype, 'concat', (s, args) => measured(s) + sumOfLengths(args));
  guardValue(String, 'raw', (_, [strings, ...subs]) => (typeof strings === 'object' && strings !== null && isArray(strings.raw) ? sumOfLengths(strings.raw) + sumOfLengths(subs) : 0));
  // Weighed by what each element costs next to an array's: a property of an object (assign), a
  // key string (keys, getOwnPropertyNames), a [key, value] pair (entries).
  guardValue(Object, 'assign', (_, [, ...sources]) => 8 * sumOfLengths(sources));
  // Constructors that copy what they are given, weighed as above: an entry of a Map (a key and a value) or a
  // property made by fromEntries. Map and Set are replaced by the same constructor behind a construct
  // check, reached alike through the global, the prototype's constructor and a subclass's super().
  guardValue(Object, 'fromEntries', (_, [entries]) => 8 * spreadSize(entries));
  for (const [name, weight] of [['Map', 2], ['Set', 1]]) {
    const original = g[name];
    const checked = new RealmProxy(original, { construct(target, args, newTarget) {
      oneValue(weight * spreadSize(args[0]));
      return construct(target, args, newTarget);
    } });
    defineProperty(original.prototype, 'constructor', { value: checked, writable: true, enumerable: false, configurable: true });
    defineProperty(g, name, { value: checked, writable: true, enumerable: false, configurable: true });
  }
  for (const [name, weight] of [['keys', 2], ['values', 1], ['entries', 4], ['getOwnPropertyNames', 2]]) guardValue(Object, name, (_, [o]) => weight * measured(o));
  // Copies as long as what they are called on: bounded by a value that exists already,
  // but a loop body that copies a large one runs 128 times between clock checks.
  for (const name of ['slice', 'map', 'filter', 'toReversed', 'toSorted', 'toSpliced', 'with']) {
    if (ArrayProto[name]) guardValue(ArrayProto, name, (a) => measured(a));
  }
  for (const name of ['split', 'toUpperCase', 'toLowerCase', 'normalize']) guardValue(String.prototype, name, (str) => measured(str));
  // replace/replaceAll: a long replacement for each of many matches (\`s.replaceAll('a', s)\`:
  // length squared). The matches are counted first (indexOf, or match for a global
  // expression); a replacement with \`$\` patterns counts as if each repeated the whole match;
  // a replacement function's results are added up as it goes.
  const indexOf = String.prototype.indexOf, match = String.prototype.match, RealmRegExp = RegExp;
  function replaceSize(str, pattern, replacement, all) {
    const n = measured(str);
    if (typeof replacement !== 'string' || n === 0) return 0;
    let count = 0, longest = 0;
    if (pattern instanceof RealmRegExp) {
      const found = pattern.global ? apply(match, str, [pattern]) : null;
      if (found) { count = found.length; for (let i = 0; i < found.length; i++) if (found[i].length > longest) longest = found[i].length; }
      else { count = 1; longest = n; }
    } else {
      const p = typeof pattern === 'string' ? pattern : '' + pattern;
      longest = p.length;
      if (!all) count = 1;
      else for (let at = apply(indexOf, str, [p]); at >= 0 && count <= n; at = apply(indexOf, str, [p, at + (p.length || 1)])) count++;
    }
    const perMatch = apply(indexOf, replacement, ['$']) >= 0 ? replacement.length * (longest || 1) : replacement.length;
    return n + count * perMatch;
  }
  for (const name of ['replace', 'replaceAll']) {
    const original = String.prototype[name];
    defineProperty(String.prototype, name, { value: { [name](pattern, replacement) {
      if (typeof replacement === 'function') {
        const f = replacement;
        let made = 0;
        replacement = function (...args) {
          const r = apply(f, undefined, args);
          made += typeof r === 'string' ? r.length : 0;
          if (made >= LARGE_VALUE) oneValue(made);
          return r;
        };
      } else oneValue(replaceSize(this, pattern, replacement, name === 'replaceAll'));
      return apply(original, this, [pattern, replacement]);
    } }[name], writable: true, enumerable: false, configurable: true });
  }
  // flatMap: what each call of the callback returns, added up as it goes.
  const flatMap = ArrayProto.flatMap;
  defineProperty(ArrayProto, 'flatMap', { value: { flatMap(callback, thisArg) {
    if (typeof callback !== 'function') return apply(flatMap, this, [callback, thisArg]);
    let made = 0;
    return apply(flatMap, this, [function (x, i, a) {
      const r = apply(callback, thisArg, [x, i, a]);
      made += isArray(r) ? r.length : 1;
      if (made >= LARGE_VALUE) oneValue(made);
      return r;
    }]);
  } }.flatMap, writable: true, enumerable: false, configurable: true });

  // Writes to what a handler is handed (runaway/handed.ts). Each copy of ctx's shared parts
  // (\`shareable\` below) notes the objects it walked in \`tracked\`; any later write to one of
  // them, by syntax (\`written\`, compile.ts) or by a built-in that changes its receiver or
  // argument, counts one in clock.writes. While the count stands still, those parts are as
  // the copy has them: the next handler is handed the same copy, not a new one.
  const tracked = new WeakSet();
  function written(o) {
    if (tracked.has(o)) clock.writes++;
    return o;
  }
  for (const name of ['push', 'pop', 'shift', 'unshift', 'splice', 'sort', 'reverse', 'fill', 'copyWithin']) {
    if (ArrayProto[name]) checked(ArrayProto, name, written);
  }
  for (const name of ['assign', 'defineProperty', 'defineProperties', 'setPrototypeOf']) checked(Object, name, (_, args) => written(args[0]));
  for (const name of ['__defineGetter__', '__defineSetter__']) if (ObjectProto[name]) checked(ObjectProto, name, written);
  const protoAccessor = getOwnPropertyDescriptor(ObjectProto, '__proto__');
  if (protoAccessor && protoAccessor.set) {
    const setProto = protoAccessor.set;
    defineProperty(ObjectProto, '__proto__', { get: protoAccessor.get, set: { __proto__(v) { written(this); apply(setProto, this, [v]); } }.__proto__,
      enumerable: false, configurable: true });
  }
  // Built-ins that make their result with a constructor the value names (its \`constructor\`'s
  // Symbol.species), which may answer an object of ctx and have them write into it; and the
  // regular expression methods that set \`lastIndex\` on whatever they are called on.
  const RegExpProto = RegExp.prototype;
  const foreignSpecies = (self, proto) => getPrototypeOf(self) !== proto || hasOwn(self, 'constructor');
  for (const name of ['map', 'filter', 'slice', 'splice', 'concat', 'flat', 'flatMap']) {
    if (ArrayProto[name]) checked(ArrayProto, name, (self) => { if (isArray(self) && foreignSpecies(self, ArrayProto)) clock.writes++; });
  }
  for (const symbol of [Symbol.split, Symbol.matchAll, Symbol.replace, Symbol.match, Symbol.search]) {
    const original = RegExpProto[symbol];
    defineProperty(RegExpProto, symbol, { value: { [original.name](...args) {
      if (typeof this !== 'object' || this === null || foreignSpecies(this, RegExpProto)) clock.writes++;
      else written(this);
      return apply(original, this, args);
    } }[original.name], writable: true, enumerable: false, configurable: true });
  }
  // Notes a value's objects in \`tracked\` (fresh copies of host values: data properties only).
  function track(v, depth) {
    if (typeof v !== 'object' || v === null || depth > 64 || tracked.has(v)) return;
    tracked.add(v);
    const names = keys(v);
    for (let i = 0; i < names.length; i++) track(v[names[i]], depth + 1);
  }

  function toRealm(v) {
    if (typeof v !== 'object' || v === null) return typeof v === 'function' ? undefined : v;
    const proto = getPrototypeOf(v);
    if (proto === ObjectProto || proto === ArrayProto) return v;
    if (isArray(v)) {
      const out = [];
      for (let i = 0; i < v.length; i++) out[i] = toRealm(v[i]);
      return out;
    }
    const out = {};
    const names = keys(v);
    for (let i = 0; i < names.length; i++) {
      const value = toRealm(v[names[i]]);
      if (names[i] === '__proto__') defineProperty(out, '__proto__', { value, writable: true, enumerable: true, configurable: true });
      else out[names[i]] = value;
    }
    return out;
  }

  // Arguments for a host function: plain data only (own enumerable properties, no
  // functions, no prototypes but Object's and Array's), so the host never calls
  // resolver code and never hands it a host value. Dates go as their JSON text.
  function toData(v, depth) {
    if (typeof v !== 'object' || v === null) return typeof v === 'function' || typeof v === 'symbol' ? undefined : v;
    if (depth > 64) throw new RealmTypeError('value nested more than 64 levels deep (or circular)');
    if (getPrototypeOf(v) === DateProto) return apply(dateToJSON, v, []);
    if (isArray(v)) {
      const out = [];
      for (let i = 0; i < v.length; i++) out[i] = toData(v[i], depth + 1);
      return out;
    }
    const out = {};
    const names = keys(v);
    for (let i = 0; i < names.length; i++) {
      const value = toData(v[names[i]], depth + 1);
      if (names[i] === '__proto__') defineProperty(out, '__proto__', { value, writable: true, enumerable: true, configurable: true });
      else out[names[i]] = value;
    }
    return out;
  }

  // What a handler is handed, copied as data before it runs (runaway/: a run moved to a
  // worker starts again from this copy, not from what the stopped run changed). Own
  // enumerable data properties only, so no getter or toJSON of resolver code runs here;
  // functions are left out and Dates become their JSON text, as the worker would get them.
  // Undefined when the value cannot be copied (circular, or larger than any handler is
  // handed, counting shared parts each time they are reached): the move then copies ctx as it is.
  const getTime = DateProto.getTime, toISOString = DateProto.toISOString;
  let copied = 0, tracking = false;
  function copyData(v, depth) {
    if (++copied > REFUSED_CALL) throw SIGNAL;
    if (typeof v !== 'object' || v === null) return typeof v === 'function' || typeof v === 'symbol' ? undefined : v;
    if (depth > 64) throw SIGNAL;
    if (tracking) tracked.add(v);
    if (getPrototypeOf(v) === DateProto) { const t = apply(getTime, v, []); return t === t ? apply(toISOString, v, []) : null; }
    if (isArray(v)) {
      if (v.length > 10000000) throw SIGNAL;
      const out = [];
      for (let i = 0; i < v.length; i++) {
        const d = getOwnPropertyDescriptor(v, i);
        out[i] = d && 'value' in d ? copyData(d.value, depth + 1) : undefined;
      }
      return out;
    }
    const out = {};
    const names = keys(v);
    for (let i = 0; i < names.length; i++) {
      const d = getOwnPropertyDescriptor(v, names[i]);
      if (!d || !('value' in d)) continue;
      const value = copyData(d.value, depth + 1);
      if (names[i] === '__proto__') defineProperty(out, '__proto__', { value, writable: true, enumerable: true, configurable: true });
      else out[names[i]] = value;
    }
    return out;
  }
  function snapshot(v) {
    copied = 0;
    try { return copyData(v, 0); } catch { return undefined; }
  }
  // The parts of ctx every handler of the field shares, copied as above, their objects noted in
  // \`tracked\`, and the objects that hold two of them (ctx.request, ctx.info), which a handler may
  // give another headers or variables object.
  function shareable(ctx) {
    copied = 0;
    tracking = true;
    try {
      tracked.add(ctx.request);
      tracked.add(ctx.info);
      return copyData({ arguments: ctx.arguments, source: ctx.source, identity: ctx.identity, stash: ctx.stash, headers: ctx.request.headers,
        variables: ctx.info.variables }, 0);
    } catch { return undefined; } finally { tracking = false; }
  }
  // What a handler returns goes on to the host as data (JSON, GraphQL's serialisation,
  // a data source's request), which reaches shared parts every time too: past
  // REFUSED_CALL elements and characters the handler fails with OutOfMemory.
  function returned(v) {
    if (typeof v === 'object' && v !== null && textSize(v, true, 0, REFUSED_CALL) > REFUSED_CALL) { outOfMemory(); throw SIGNAL; }
    return v;
  }
  // The size of the text JSON.stringify would make of a value, without making it (past REFUSED_CALL: more than that).
  const printedSize = (v) => textSize(v, true, 0, REFUSED_CALL);

  function settle(r) {
    if (r.k === 0) return toRealm(r.v);
    if (r.k === 1) throw SIGNAL;
    throw new (r.t === 'TypeError' ? RealmTypeError : RealmError)(r.m);
  }

  function wrap(fn, name) {
    const f = function (...args) {
      for (let i = 0; i < args.length; i++) args[i] = toData(args[i], 0);
      return settle(call(fn, args));
    };
    defineProperty(f, 'name', { value: name });
    return f;
  }

  function expose(tree) {
    const out = {};
    const names = keys(tree);
    for (let i = 0; i < names.length; i++) {
      const v = tree[names[i]];
      out[names[i]] = typeof v === 'function' ? wrap(v, names[i]) : v && typeof v === 'object' ? expose(v) : v;
    }
    return freeze(out);
  }

  // info's selectionSetList/selectionSetGraphQL: computed on first read, and not
  // enumerable (JSON.stringify leaves them out). Getters on a shared prototype cost
  // less per field than two accessor properties of its own.
  const infoThunks = new WeakMap();
  const infoValues = new WeakMap();
  function infoGetter(index) {
    return function () {
      let values = infoValues.get(this);
      if (!values) infoValues.set(this, (values = [undefined, undefined, false, false]));
      if (!values[index + 2]) {
        const thunks = infoThunks.get(this);
        values[index] = thunks ? settle(call(thunks[index], [])) : undefined;
        values[index + 2] = true;
      }
      return values[index];
    };
  }
  const InfoProto = create(ObjectProto, {
    selectionSetList: { get: infoGetter(0), enumerable: false, configurable: false },
    selectionSetGraphQL: { get: infoGetter(1), enumerable: false, configurable: false },
  });

  // ctx.env is the API's and read-only: one frozen copy per host object serves every field of every request.
  const envCopies = new WeakMap();
  function envOf(env) {
    if (typeof env !== 'object' || env === null) return freeze(toRealm(env));
    let copy = envCopies.get(env);
    if (copy === undefined) envCopies.set(env, (copy = freeze(toRealm(env))));
    return copy;
  }

  function fieldRun(p, selectionSetList, selectionSetGraphQL) {
    const args = toRealm(p.args);
    const info = create(InfoProto);
    info.fieldName = p.fieldName;
    info.parentTypeName = p.parentTypeName;
    info.variables = toRealm(p.variables);
    infoThunks.set(info, [selectionSetList, selectionSetGraphQL]);
    const run = { arguments: args, args, source: toRealm(p.source), stash: {}, identity: toRealm(p.identity),
      request: { headers: toRealm(p.headers), domainName: p.domainName }, info, env: envOf(p.env) };
    // Without a source, the shared parts are fresh copies of host values, which the first handler is handed as
    // they are (runaway/handed.ts): noted as a copy's objects are, so that the handler after it may be handed them too.
    if (run.source === null) {
      track(args, 0); track(run.identity, 0); track(run.stash, 0); track(run.request, 0); track(info, 0); track(info.variables, 0);
    }
    return run;
  }

  function handlerContext(run, prev, hasResult, result, error) {
    const ctx = { arguments: run.arguments, args: run.args, source: run.source, identity: run.identity,
      stash: run.stash, prev: { result: toRealm(prev) }, info: run.info, request: run.request, env: run.env };
    if (hasResult) ctx.result = toRealm(result);
    if (error) ctx.error = toRealm(error);
    return ctx;
  }

  let ticks = 0;
  function tick() {
    if ((++ticks & 127) !== 0) return;
    clock.ticks += 128;
    const t = now();
    if (t > clock.deadline) { timeout(); throw SIGNAL; }
    if (t > clock.sliceEnd && clock.ticks >= clock.sliceMinTicks) { sliceOver(); throw SIGNAL; }
    heapCheck();
  }

  function importer(table) {
    return function (specifier) { return hasOwn(table, specifier) ? table[specifier] : undefined; };
  }

  // A module's top level, run for one request: its exports, fresh.
  function instantiate(factory, load) {
    const exports = {};
    factory(load, exports, tick, spread, grown, written);
    return exports;
  }

  // Once every global is in place: built-ins can no longer change (see the file's header).
  function lockDown() {
    // Override taming: a data property of these prototypes becomes an accessor whose
    // setter defines the property on the object assigned to, so freezing the
    // prototype does not make \`item.toString = …\` or \`error.message = …\` throw.
    // Every prototype a value of resolver code can have (primitives' too: a
    // wrapper object is still an object). Property reads through an accessor cost
    // V8 next to nothing once the code is optimised.
    const tamed = [ObjectProto, ArrayProto, Function.prototype, DateProto, String.prototype, Number.prototype,
      Boolean.prototype, Symbol.prototype, RegExp.prototype, Map.prototype, Set.prototype, WeakMap.prototype,
      WeakSet.prototype, Error.prototype, EvalError.prototype, RangeError.prototype, ReferenceError.prototype,
      SyntaxError.prototype, TypeError.prototype, URIError.prototype];
    for (const proto of tamed) {
      for (const name of ownKeys(proto)) {
        const d = getOwnPropertyDescriptor(proto, name);
        if (!d || !('value' in d) || !d.configurable) continue;
        const value = d.value;
        defineProperty(proto, name, {
          get: function () { return value; },
          set: function (v) {
            if (this === proto) throw new RealmTypeError("Cannot assign to read only property '" + String(name) + "' of a built-in");
            defineProperty(this, name, { value: v, writable: true, enumerable: true, configurable: true });
          },
          enumerable: d.enumerable,
          configurable: false,
        });
      }
    }
    // Every global binding read-only, then everything reachable from them and from
    // the hidden intrinsics frozen: values, accessors and prototypes alike.
    const queue = [InfoProto, SIGNAL, ...hidden];
    for (const name of ownKeys(g)) {
      const d = getOwnPropertyDescriptor(g, name);
      if ('value' in d) {
        if (d.configurable) defineProperty(g, name, { value: d.value, writable: false, enumerable: d.enumerable, configurable: false });
        queue.push(d.value);
      } else queue.push(d.get, d.set);
    }
    const seen = new Set();
    while (queue.length) {
      const o = queue.pop();
      if ((typeof o !== 'object' && typeof o !== 'function') || o === null || seen.has(o)) continue;
      seen.add(o);
      queue.push(getPrototypeOf(o));
      for (const name of ownKeys(o)) {
        const d = getOwnPropertyDescriptor(o, name);
        if ('value' in d) queue.push(d.value);
        else queue.push(d.get, d.set);
      }
    }
    for (const o of seen) freeze(o);
  }

  return { toRealm, snapshot, shareable, returned, printedSize, expose, fieldRun, handlerContext, importer, instantiate, lockDown, signal: SIGNAL, tick };
})`;

type Settled = { k: 0; v: unknown } | { k: 1 } | { k: 2; t: string; m: string };
const SIGNALLED: Settled = Object.freeze({ k: 1 });

/** Calls a host function for the realm: never throws, whatever the function does. */
function callForRealm(fn: (...args: unknown[]) => unknown, args: unknown[]): Settled {
  try {
    return { k: 0, v: fn(...args) };
  } catch (thrown) {
    const invocation = currentInvocation();
    if (invocation && (thrown instanceof ResolverError || thrown instanceof EarlyReturn)) {
      invocation.signal = thrown;
      return SIGNALLED;
    }
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    return { k: 2, t: thrown instanceof TypeError ? 'TypeError' : 'Error', m: message };
  }
}

export function createRealm(): Realm {
  const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
  const clock: Clock = { deadline: Infinity, sliceEnd: Infinity, sliceMinTicks: 0, ticks: 0, made: 0, burst: 0, heapBase: 0, heapLimit: Infinity, writes: 0 };
  const bridge = {
    call: callForRealm,
    clock,
    limits: { call: LARGE_CALL, total: LARGE_TOTAL, heapGrowth: LARGE_HEAP_GROWTH, refused: REFUSED_CALL, value: LARGE_VALUE },
    outOfMemory: () => {
      const invocation = currentInvocation();
      if (invocation) invocation.signal = new OutOfMemory();
    },
    heapUsed: () => v8.getHeapStatistics().used_heap_size,
    timeout: () => {
      const invocation = currentInvocation();
      if (invocation) invocation.signal = new ExecutionTimeout();
    },
    sliceOver: () => {
      const invocation = currentInvocation();
      if (invocation) invocation.signal = new SliceOver();
    },
  };
  const setup = vm.runInContext(SETUP, context, { filename: 'appsync-runtime:setup' }) as (b: typeof bridge) => Internals;
  const internals = setup(bridge);
  const modules = new Map<string, object>();
  const table = internals.toRealm({}) as Record<string, object>;
  for (const [name, module] of Object.entries(PROVIDED_MODULES)) {
    modules.set(name, internals.expose(module));
    table[name] = modules.get(name)!;
  }
  const realm: Realm = { context, internals, modules, importer: internals.importer(table), scripts: new Map(), clock };

  const utils = realm.modules.get('@aws-appsync/utils') as Record<string, unknown>;
  for (const name of ['util', 'extensions', 'runtime']) {
    Object.defineProperty(context, name, { value: utils[name], writable: false, enumerable: false, configurable: false });
  }
  const console = internals.expose({ log: logger(realm, 'INFO'), error: logger(realm, 'ERROR') });
  Object.defineProperty(context, 'console', { value: console, writable: false, enumerable: false, configurable: false });
  internals.lockDown();
  return realm;
}

/**
 * console.log/console.error, in the shape EvaluateCode returns them:
 * `INFO - code.js:5:3: "current id" "record-id"` — each argument as JSON, spaces
 * between (devguide/test-resolvers.html). `ERROR - ` for console.error.
 */
function logger(realm: Realm, level: 'INFO' | 'ERROR') {
  return (...args: unknown[]) => {
    const invocation = currentInvocation();
    if (!invocation) return;
    const where = callerPosition(realm, new Error().stack, { callStart: true });
    const text = args.map((arg) => (arg === undefined ? 'undefined' : JSON.stringify(arg))).join(' ');
    invocation.logs.push(`${level} - ${where ? `${where.file}:${where.line}:${where.column}: ` : ''}${text}`);
  };
}

/** Where in the user's code the innermost frame of one of the realm's modules is. */
export function callerPosition(realm: Realm, stack: string | undefined, options?: { callStart?: boolean }): Position | undefined {
  if (!stack) return undefined;
  // The innermost frame of user code is the first line of the stack that names one of the realm's scripts.
  let best: { index: number; module: CodeModule; frame: { line: number; column: number } } | undefined;
  for (const [scriptName, module] of realm.scripts) {
    const index = stack.indexOf(scriptName + ':');
    if (index < 0 || (best && best.index < index)) continue;
    const frame = frameIn(stack.slice(index - 1), scriptName);
    if (frame) best = { index, module, frame };
  }
  return best && best.module.positions.fromScript(best.frame.line, best.frame.column, options);
}

export class CodeLoadError extends Error {
  override name = 'CodeLoadError';
  constructor(
    message: string,
    readonly position?: Position,
  ) {
    super(message);
  }
}

export type LoadOptions = {
  /** The bundle's source map (esbuild's, v3 JSON), to report positions in the TypeScript source. */
  bundleMap?: string;
  /** What the code is called in messages when no source map says better (default: `file`). */
  name?: string;
};

let scriptCount = 0;

/** Compiles a bundled APPSYNC_JS module into the realm and runs its top level once. */
export function loadCode(realm: Realm, code: string, file: string, options: LoadOptions = {}): CodeModule {
  const name = options.name ?? file;
  let compiled;
  try {
    compiled = compileModule(code, name);
  } catch (error) {
    if (error instanceof CompileError) {
      throw new CodeLoadError(`${name}:${error.line}:${error.column}: ${error.message}`, { file: name, line: error.line, column: error.column });
    }
    throw error;
  }
  const scriptName = `appsync-code-${++scriptCount}.js`;
  const positions = new SourcePositions(name, compiled.map, options.bundleMap, compiled.callStarts);
  const module: CodeModule = { file, code, options, positions, realm, factory: undefined as unknown as ModuleFactory, instances: new WeakMap() };
  realm.scripts.set(scriptName, module);
  for (const specifier of compiled.imports) {
    if (UNSUPPORTED_MODULES.has(specifier)) throw new CodeLoadError(`${name}: ${specifier} is not supported locally`);
    if (!realm.modules.has(specifier)) {
      throw new CodeLoadError(`${name}: cannot import ${specifier}: only @aws-appsync/utils and @aws-appsync/utils/dynamodb are available`);
    }
  }
  const factory = new vm.Script(compiled.source, { filename: scriptName }).runInContext(realm.context) as ModuleFactory;
  let exports: Record<string, unknown>;
  try {
    exports = realm.internals.instantiate(factory, realm.importer);
  } catch (error) {
    const shaped = typeof error === 'object' && error !== null ? (error as { message?: unknown; stack?: unknown }) : {};
    const where = callerPosition(realm, typeof shaped.stack === 'string' ? shaped.stack : undefined);
    const message = 'message' in shaped ? String(shaped.message) : String(error);
    throw new CodeLoadError(`${where ? `${where.file}:${where.line}:${where.column}` : name}: ${message}`, where);
  }
  const { request, response } = exports;
  if (request !== undefined && typeof request !== 'function') throw new CodeLoadError(`${name}: request is not a function`);
  if (response !== undefined && typeof response !== 'function') throw new CodeLoadError(`${name}: response is not a function`);
  module.request = request as Handler | undefined;
  module.response = response as Handler | undefined;
  module.factory = factory;
  if (compiled.inertTopLevel) module.shared = { request: module.request, response: module.response };
  return module;
}

/**
 * The module's handlers for one request: its top level evaluated afresh the first
 * time the request needs it, so module-level state lasts one request, as in
 * AppSync. Throws what the top level throws (a realm value). A module whose top
 * level holds nothing a request could change gives every request the handlers of
 * its one evaluation at load: no request could tell them from fresh ones.
 */
export function handlersFor(module: CodeModule, request: object): Handlers {
  if (module.shared) return module.shared;
  let handlers = module.instances.get(request);
  if (!handlers) {
    const exports = module.realm.internals.instantiate(module.factory, module.realm.importer);
    handlers = { request: exports.request as Handler | undefined, response: exports.response as Handler | undefined };
    module.instances.set(request, handlers);
  }
  return handlers;
}
