// util.urlEncode/urlDecode, base64Encode/base64Decode, escapeJavaScript
// (built-in-util-js.html). AppSync runs on the JVM: URL encoding is Java's
// URLEncoder (application/x-www-form-urlencoded, UTF-8) and escapeJavaScript is
// Apache Commons Text's StringEscapeUtils.escapeEcmaScript.

/** Java URLEncoder.encode(s, UTF-8): letters, digits and `.-*_` stay; space is `+`; the rest %XX (upper case). */
export function urlEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%20/g, '+');
}

/** Java URLDecoder.decode(s, UTF-8): `+` is a space. */
export function urlDecode(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, ' '));
}

export const base64Encode = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
export const base64Decode = (text: string): string => Buffer.from(text, 'base64').toString('utf8');

const ESCAPES: Record<string, string> = {
  "'": "\\'",
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\n': '\\n',
  '\t': '\\t',
  '\f': '\\f',
  '\r': '\\r',
};

/** escapeEcmaScript: quotes, backslash and slash escaped; control and non-ASCII characters as \uXXXX. */
export function escapeJavaScript(text: string): string {
  let out = '';
  for (const char of text) {
    const escaped = ESCAPES[char];
    if (escaped) {
      out += escaped;
      continue;
    }
    const code = char.codePointAt(0)!;
    if (code >= 32 && code <= 0x7f) out += char;
    else {
      // Java strings are UTF-16: a character outside the BMP is two \u escapes.
      for (let i = 0; i < char.length; i++) out += '\\u' + char.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
    }
  }
  return out;
}
