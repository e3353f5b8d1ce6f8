// util.matches(pattern, text): java.util.regex.Pattern.matches — the pattern must
// match the whole text. Java syntax is close to JavaScript's; what differs and
// matters here is translated: leading inline flags (?i)(?s)(?m)(?x), \A, \Z, \z.
// Possessive quantifiers and atomic groups have no JavaScript counterpart and are refused.
import { ByteBoundedCache } from '../../cache/byte-bounded.ts';

// Patterns may come from a request's arguments: kept within a byte budget, not one per pattern ever seen.
const cache = new ByteBoundedCache<RegExp>(4 * 1024 * 1024, 64 * 1024);
const bytesOf = (pattern: string) => () => pattern.length * 16;

export function toJavaScriptRegExp(pattern: string): RegExp {
  return cache.remember(pattern, bytesOf(pattern), () => compile(pattern));
}

function compile(pattern: string): RegExp {
  let body = pattern;
  let flags = 'u';
  const inline = /^\(\?([imsx]+)\)/.exec(body);
  if (inline) {
    body = body.slice(inline[0].length);
    for (const flag of inline[1]!) if (flag !== 'x' && !flags.includes(flag)) flags += flag;
    if (inline[1]!.includes('x')) body = body.replace(/\s+|#.*$/gm, '');
  }
  if (/(?<!\\)[*+?}]\+|\(\?>/.test(body)) {
    throw new Error(`util.matches: possessive quantifiers and atomic groups are not supported locally: ${pattern}`);
  }
  body = body.replace(/\\A/g, '^').replace(/\\[Zz]/g, '$');
  return new RegExp(`^(?:${body})$`, flags);
}

export function matches(pattern: string, text: string): boolean {
  return toJavaScriptRegExp(pattern).test(text);
}
