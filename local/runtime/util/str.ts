// util.str (built-in-util-js.html): only normalize in APPSYNC_JS.
const FORMS: Record<string, 'NFC' | 'NFD' | 'NFKC' | 'NFKD'> = { nfc: 'NFC', nfd: 'NFD', nfkc: 'NFKC', nfkd: 'NFKD' };

/** normalize(text, 'nfc' | 'nfd' | 'nfkc' | 'nfkd'). */
export function normalize(text: string, form: string): string {
  const normal = FORMS[String(form).toLowerCase()];
  if (!normal) throw new TypeError(`util.str.normalize: form must be nfc, nfd, nfkc or nfkd, not ${form}`);
  return text.normalize(normal);
}
