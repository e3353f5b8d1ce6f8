// Java semantics for the values a template holds. AppSync's VTL runs on the JVM, so
// `$map.put`, `$list.add`, `$str.split` are java.util.Map, List and java.lang.String
// methods. Values stay plain JSON here (strings, numbers, booleans, null, arrays,
// objects) and these tables give them their Java methods, rather than wrapping every
// value in a Java-like class as Amplify's simulator does: no copy to get JSON back out.
// No library offers java.util semantics over plain JS values, hence hand-written.

import { toJavaScriptRegExp } from '../runtime/util/matches.ts';

type Method = (self: any, args: any[]) => unknown;
type Obj = Record<string, unknown>;

export const isMap = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Java's equals(): by value for lists and maps, as java.util collections compare. */
export function javaEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => javaEquals(item, (b as unknown[])[i]));
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && javaEquals((a as Obj)[key], (b as Obj)[key]));
}

/** Java's toString(), which is also how Velocity prints a value: `{a=1, b=[x, y]}`. */
export function javaString(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(javaString).join(', ')}]`;
  if (isMap(value)) return `{${Object.entries(value).map(([k, v]) => `${k}=${javaString(v)}`).join(', ')}}`;
  return String(value);
}

/** A java.util.regex pattern as a JS RegExp, translated as util.matches translates it (unanchored here). */
export function javaRegex(pattern: string, flags = ''): RegExp {
  const whole = toJavaScriptRegExp(String(pattern));
  // toJavaScriptRegExp anchors the pattern as ^(?:…)$ for a whole-string match.
  return new RegExp(whole.source.slice(4, -2), whole.flags + flags);
}

/** Java's String.split: a regex; with no limit, trailing empty strings are dropped. */
function split(text: string, regex: string, limit = 0): string[] {
  const pattern = javaRegex(regex, 'g');
  const parts: string[] = [];
  let at = 0;
  let matched = false;
  for (let m = pattern.exec(text); m && (limit <= 0 || parts.length < limit - 1); m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      // A zero-width match at the start gives no leading empty string (Java 8 and later).
      if (m.index === 0 || m.index >= text.length) continue;
    }
    matched = true;
    parts.push(text.slice(at, m.index));
    at = m.index + m[0].length;
  }
  parts.push(text.slice(at));
  if (limit === 0 && matched) while (parts.length && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

const STRING: Record<string, Method> = {
  length: (s) => s.length,
  isEmpty: (s) => s.length === 0,
  isBlank: (s) => s.trim().length === 0,
  contains: (s, [x]) => s.includes(String(x)),
  startsWith: (s, [x, from]) => s.startsWith(String(x), from),
  endsWith: (s, [x]) => s.endsWith(String(x)),
  indexOf: (s, [x, from]) => s.indexOf(String(x), from),
  lastIndexOf: (s, [x]) => s.lastIndexOf(String(x)),
  charAt: (s, [i]) => s.charAt(i),
  substring: (s, [a, b]) => s.substring(a, b),
  concat: (s, [x]) => s + String(x),
  toUpperCase: (s) => s.toUpperCase(),
  toLowerCase: (s) => s.toLowerCase(),
  trim: (s) => s.trim(),
  strip: (s) => s.trim(),
  equals: (s, [x]) => s === x,
  equalsIgnoreCase: (s, [x]) => typeof x === 'string' && s.toLowerCase() === x.toLowerCase(),
  compareTo: (s, [x]) => (s < x ? -1 : s > x ? 1 : 0),
  // replace is literal, every occurrence; replaceAll and replaceFirst take a regex.
  replace: (s, [a, b]) => s.split(String(a)).join(String(b)),
  replaceAll: (s, [regex, by]) => s.replace(javaRegex(regex, 'g'), String(by)),
  replaceFirst: (s, [regex, by]) => s.replace(javaRegex(regex), String(by)),
  matches: (s, [regex]) => toJavaScriptRegExp(String(regex)).test(s),
  split: (s, [regex, limit]) => split(s, regex, limit),
  toString: (s: any) => s,
  hashCode: (s) => {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
    return h;
  },
};

const LIST: Record<string, Method> = {
  size: (l) => l.length,
  isEmpty: (l) => l.length === 0,
  get: (l, [i]) => l[i] ?? null,
  add: (l, args) => {
    if (args.length > 1) l.splice(args[0], 0, args[1]);
    else l.push(args[0]);
    return true;
  },
  addAll: (l, [items]) => {
    l.push(...(Array.isArray(items) ? items : []));
    return true;
  },
  set: (l, [i, x]) => {
    const old = l[i];
    l[i] = x;
    return old ?? null;
  },
  // Java's remove(int) removes at an index, remove(Object) the first equal element.
  remove: (l, [x]) => {
    if (typeof x === 'number' && Number.isInteger(x)) return l.splice(x, 1)[0] ?? null;
    const at = l.findIndex((item: unknown) => javaEquals(item, x));
    if (at < 0) return false;
    l.splice(at, 1);
    return true;
  },
  contains: (l, [x]) => l.some((item: unknown) => javaEquals(item, x)),
  containsAll: (l, [xs]) => (xs ?? []).every((x: unknown) => l.some((item: unknown) => javaEquals(item, x))),
  indexOf: (l, [x]) => l.findIndex((item: unknown) => javaEquals(item, x)),
  lastIndexOf: (l, [x]) => l.findLastIndex((item: unknown) => javaEquals(item, x)),
  clear: (l) => void l.splice(0),
  subList: (l, [a, b]) => l.slice(a, b),
  removeAll: (l, [xs]) => retain(l, (item) => !(xs ?? []).some((x: unknown) => javaEquals(item, x))),
  retainAll: (l, [xs]) => retain(l, (item) => (xs ?? []).some((x: unknown) => javaEquals(item, x))),
  equals: (l, [x]) => javaEquals(l, x),
  toString: (l: any) => javaString(l),
};

function retain(list: unknown[], keep: (item: unknown) => boolean): boolean {
  const kept = list.filter(keep);
  const changed = kept.length !== list.length;
  list.splice(0, list.length, ...kept);
  return changed;
}

const MAP: Record<string, Method> = {
  size: (m) => Object.keys(m).length,
  isEmpty: (m) => Object.keys(m).length === 0,
  get: (m, [k]) => (Object.hasOwn(m, String(k)) ? m[String(k)] : null),
  getOrDefault: (m, [k, d]) => (Object.hasOwn(m, String(k)) ? m[String(k)] : d),
  put: (m, [k, v]) => {
    const old = Object.hasOwn(m, String(k)) ? m[String(k)] : null;
    m[String(k)] = v;
    return old;
  },
  putIfAbsent: (m, [k, v]) => {
    if (Object.hasOwn(m, String(k)) && m[String(k)] !== null) return m[String(k)];
    m[String(k)] = v;
    return null;
  },
  putAll: (m, [other]) => void Object.assign(m, isMap(other) ? other : {}),
  remove: (m, [k]) => {
    if (!Object.hasOwn(m, String(k))) return null;
    const old = m[String(k)];
    delete m[String(k)];
    return old;
  },
  containsKey: (m, [k]) => Object.hasOwn(m, String(k)),
  containsValue: (m, [v]) => Object.values(m).some((item) => javaEquals(item, v)),
  keySet: (m) => Object.keys(m),
  values: (m) => Object.values(m),
  // Entries read as `$e.key`/`$e.value` or `$e.getKey()`/`$e.getValue()`.
  entrySet: (m) => Object.entries(m).map(([key, value]) => ({ key, value })),
  clear: (m) => {
    for (const key of Object.keys(m)) delete m[key];
  },
  equals: (m, [x]) => javaEquals(m, x),
  toString: (m: any) => javaString(m),
};

const SCALAR: Record<string, Method> = {
  equals: (x, [y]) => x === y,
  toString: (x: any) => String(x),
  intValue: (x) => Math.trunc(x),
  longValue: (x) => Math.trunc(x),
  doubleValue: (x) => x,
  floatValue: (x) => x,
  booleanValue: (x) => x,
};

const NONE = Symbol('no such method');

/**
 * Calls `name` on `self` as Java would. NONE when the value has no such method, so the
 * caller can render the reference as written, as Velocity does for an invalid one.
 */
export function callJava(self: unknown, name: string, args: unknown[]): unknown {
  const table = typeof self === 'string' ? STRING : Array.isArray(self) ? LIST : isMap(self) ? MAP : typeof self === 'number' || typeof self === 'boolean' ? SCALAR : undefined;
  const method = table && Object.hasOwn(table, name) ? table[name] : undefined;
  if (method) return method(self, args);
  // JavaBean accessors on a map: getFoo() and isFoo() read foo (an entry's getKey()/getValue()).
  if (isMap(self) && args.length === 0) {
    const bean = /^(?:get|is)([A-Z]\w*)$/.exec(name);
    if (bean) {
      const property = bean[1]!.charAt(0).toLowerCase() + bean[1]!.slice(1);
      if (Object.hasOwn(self, property)) return self[property];
    }
  }
  return NONE;
}

export const NO_METHOD = NONE;
