// Picks single operations out of web/src/graphql/operations.graphql, so that the
// file codegen types is also, byte for byte, the text the app sends: one source
// of truth. A small scanner rather than graphql-js keeps a second copy of
// `graphql` out of the bundle (Amplify ships its own); test/web/documents.test.ts
// checks the result with graphql-js against the schema.

export type DefinitionKind = 'query' | 'mutation' | 'subscription' | 'fragment';

export interface Definition {
  kind: DefinitionKind;
  name: string;
  /** The definition's text, exactly as in the source. */
  text: string;
  /** Names of the fragments it spreads (`...Name`), in order, without repeats. */
  spreads: string[];
}

const KINDS = new Set<string>(['query', 'mutation', 'subscription', 'fragment']);
const NAME_START = /[_A-Za-z]/;
const NAME_PART = /[_0-9A-Za-z]/;

/** Splits a GraphQL document into its named executable definitions. */
export function splitDefinitions(source: string): Definition[] {
  const definitions: Definition[] = [];
  let i = 0;
  let braces = 0;
  let parens = 0;
  let current: { kind: DefinitionKind; name: string; start: number } | null = null;
  let code = ''; // the current definition with comments and strings blanked, for spreads

  const readName = (from: number): [string, number] => {
    let end = from;
    while (end < source.length && NAME_PART.test(source.charAt(end))) end += 1;
    return [source.slice(from, end), end];
  };

  while (i < source.length) {
    const ch = source.charAt(i);
    if (ch === '#') {
      while (i < source.length && source.charAt(i) !== '\n') i += 1;
      continue;
    }
    if (ch === '"') {
      const block = source.startsWith('"""', i);
      const close = block ? '"""' : '"';
      let j = i + close.length;
      while (j < source.length && !source.startsWith(close, j)) j += source.charAt(j) === '\\' ? 2 : 1;
      i = j + close.length;
      continue;
    }
    if (braces === 0 && parens === 0 && NAME_START.test(ch)) {
      const [word, end] = readName(i);
      if (current === null && KINDS.has(word)) {
        let j = end;
        while (j < source.length && /\s/.test(source.charAt(j))) j += 1;
        const [name] = readName(j);
        current = { kind: word as DefinitionKind, name, start: i };
        code = '';
      }
      if (current) code += word;
      i = end;
      continue;
    }
    if (ch === '(') parens += 1;
    if (ch === ')') parens -= 1;
    if (ch === '{' && parens === 0) braces += 1;
    if (ch === '}' && parens === 0) {
      braces -= 1;
      if (braces === 0 && current) {
        const text = source.slice(current.start, i + 1);
        const spreads = [...(code + ch).matchAll(/\.\.\.\s*([_A-Za-z][_0-9A-Za-z]*)/g)]
          .map((match) => match[1] ?? '')
          .filter((name) => name !== 'on');
        definitions.push({ kind: current.kind, name: current.name, text, spreads: [...new Set(spreads)] });
        current = null;
        i += 1;
        continue;
      }
    }
    if (current) code += ch;
    i += 1;
  }
  return definitions;
}

/**
 * The document for one operation: its own text followed by every fragment it
 * uses, directly or through other fragments, each as written in the source.
 */
export function pickOperation(source: string, operationName: string): string {
  const definitions = splitDefinitions(source);
  const operation = definitions.find((d) => d.kind !== 'fragment' && d.name === operationName);
  if (!operation) throw new Error(`No operation named ${operationName} in operations.graphql`);
  const fragments = new Map(definitions.filter((d) => d.kind === 'fragment').map((d) => [d.name, d]));
  const needed: Definition[] = [];
  const queue = [...operation.spreads];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (needed.some((d) => d.name === name)) continue;
    const fragment = fragments.get(name);
    if (!fragment) throw new Error(`${operationName} uses fragment ${name}, which operations.graphql lacks`);
    needed.push(fragment);
    queue.push(...fragment.spreads);
  }
  return [operation, ...needed].map((d) => d.text).join('\n\n');
}
