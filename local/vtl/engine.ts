// The VTL engine: a mapping template parsed once, rendered per request.
//
// Engine: amplify-velocity-template (AWS's fork of velocityjs, published from
// aws-amplify/amplify-cli, last release 2026-04). It is what Amplify's own AppSync
// simulator runs, and it parses what AppSync templates write and velocityjs gets
// wrong: `#return` and `#return(x)`, and `.eq` and other reserved words as property
// names. Its rendering is subclassed below where AppSync's Velocity differs from it:
// - method calls have Java semantics on plain values (./java.ts), and a method that
//   throws is not wrapped (so $util.error reaches the resolver as it is);
// - `#return` stops the template with its value, instead of concatenating it with the
//   text before it;
// - `#break` leaves its `#foreach` (the fork only skipped the next item);
// - a null reference renders as written (`$ctx.args.x`), as Velocity does;
// - lists and maps print as Java's toString.
import velocity, { type Ast } from 'amplify-velocity-template';
import { ByteBoundedCache } from '../cache/byte-bounded.ts';
import { callJava, isMap, javaString, NO_METHOD } from './java.ts';

const { parse, Compile, Helper } = velocity as unknown as typeof import('amplify-velocity-template');

/** A template that failed to parse: where, and what the parser expected. */
export class TemplateParseError extends Error {
  override name = 'TemplateParseError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** What rendering gave: the text, or the value of a `#return` (none for a bare `#return`). */
export type Rendered = { kind: 'text'; text: string } | { kind: 'return'; value: unknown; hasValue: boolean };

/**
 * Parsed text, by the text: a template, and each double-quoted string with `$` or `#` in
 * it, which the engine would otherwise parse again every time it is evaluated
 * (`"$ownerClaim0::$currentClaim1"` in Amplify's auth steps). Parsing is pure and a
 * rendering never changes an AST, so one parse serves every template and request.
 * Bounded by an estimate of the bytes the ASTs hold (about 40 bytes of AST per byte of text).
 */
const AST_BYTES_PER_CHAR = 40;
const parsed = new ByteBoundedCache<Ast[]>(32 * 1024 * 1024, 4 * 1024 * 1024);
const parseCached = (text: string): Ast[] => parsed.remember(text, () => text.length * AST_BYTES_PER_CHAR, () => parse(text));

class AppSyncVelocity extends Compile {
  // The fork's evalStr escapes `#` (AppSync has no macros) and parses the string anew on each evaluation.
  override evalStr(text: string): string {
    return this._render(parseCached(this.escapeString(text)), this.condition ?? undefined);
  }

  override getPropMethod(property: Ast, base: any, ast: Ast): unknown {
    const args = Array.isArray(property.args) ? property.args.map((arg: Ast) => this.getLiteral(arg)) : [];
    // Functions live only on what the context provides ($util, $extensions, $foreach): data is JSON.
    if (isMap(base) && Object.hasOwn(base, property.id) && typeof base[property.id] === 'function') {
      const result = (base[property.id] as (...a: unknown[]) => unknown)(...args);
      // A Java void method renders as nothing; a null as the reference written.
      return result === undefined ? '' : result;
    }
    void ast;
    const result = callJava(base, property.id, args);
    return result === NO_METHOD ? undefined : result;
  }

  override getAttributes(property: Ast, base: any, ast: Ast): unknown {
    if (base === null || base === undefined) return undefined;
    if (property.type === 'method') return this.getPropMethod(property, base, ast);
    const key = property.type === 'property' ? property.id : this.getPropIndex(property, base, true);
    // Own entries only: a template reads data, never JS prototypes (`$x.constructor`).
    if (Array.isArray(base)) return typeof key === 'number' || /^\d+$/.test(String(key)) ? base[Number(key)] : undefined;
    if (isMap(base) && Object.hasOwn(base, String(key))) return base[String(key)];
    return undefined;
  }

  override getPropIndex(property: Ast, base: any, keyOnly?: boolean): any {
    const id = property.id;
    const key = id.type === 'references' ? this.getReferences(id) : id.type === 'integer' ? Number(id.value) : id.value;
    return keyOnly ? key : this.getAttributes({ type: 'property', id: key }, base, property);
  }

  // The fork's getReferences builds each reference's source text on every read (to look it up
  // in the context by text): here the text is only made for a null reference, to print it.
  override getReferences(ast: Ast, isVal?: boolean): unknown {
    if (ast.prue) {
      const define = this.defines[ast.id];
      if (Array.isArray(define)) return this._render(define);
    }
    const local = this.getLocal(ast);
    let value: any = local.isLocaled ? local.value : this.context[ast.id];
    if (value !== undefined && ast.args !== undefined && !local.isLocaled) value = this.getPropMethod(ast, this.context, ast);
    for (const property of ast.path ?? []) {
      if (value === undefined || value === null) break;
      value = this.getAttributes(property, value, ast);
    }
    if (typeof value === 'function') value = value();
    if (!isVal) return value;
    if (value === undefined || value === null) return this.silence || ast.leader === '$!' ? '' : Helper.getRefText(ast);
    return value;
  }

  override format(value: unknown): unknown {
    return typeof value === 'object' && value !== null ? javaString(value) : value;
  }

  override getBlockEach(block: Ast[]): string {
    const ast = block[0];
    const from = this.getLiteral(ast.from);
    const items: unknown[] = Array.isArray(from) ? from : isMap(from) ? Object.values(from) : [];
    const body = block.slice(1);
    const contextId = `foreach:${++loops}`;
    let out = '';
    for (let i = 0; i < items.length; i++) {
      const length = items.length;
      this.local[contextId] = {
        [ast.to]: items[i],
        velocityCount: i + 1,
        foreach: { count: i + 1, index: i, hasNext: () => i + 1 < length, first: i === 0, last: i + 1 === length },
      };
      out += this._render(body, contextId);
      if (this._state.break) break;
      if (this._state.stop) break;
    }
    this._state.break = false;
    delete this.local[contextId];
    const at = this.conditions.indexOf(contextId);
    if (at >= 0) this.conditions.splice(at, 1);
    this.condition = this.conditions[0] || '';
    return out;
  }
}

let loops = 0;

/** `$util.toJson(x)` (or `$utils.…`) as written, nothing after it. */
const isToJson = (value: Ast | undefined) =>
  value?.type === 'references' && (value.id === 'util' || value.id === 'utils') && value.path?.length === 1 && value.path[0].type === 'method' && value.path[0].id === 'toJson';

/**
 * `#return` becomes a call of the `return` directive below, which records the value and
 * stops. `#return($util.toJson(x))` — what Amplify's templates write — returns x itself,
 * as AppSync reads a returned JSON text as the template's output (`#return($util.toJson({}))`
 * ends a function with `{}`, not with the string "{}").
 */
function markReturns(asts: Ast[]): Ast[] {
  return asts.map((node) => {
    if (Array.isArray(node)) return markReturns(node);
    if (node && typeof node === 'object' && node.type === 'return') {
      return { type: 'macro_call', id: isToJson(node.value) ? 'returnJson' : 'return', args: node.value ? [node.value] : [], pos: node.pos };
    }
    return node;
  });
}

export class MappingTemplate {
  private readonly asts: Ast[];

  constructor(readonly source: string) {
    // The parser reads a `#return` that ends the text as plain text: give it a line end.
    const text = /#return\s*$/.test(source) ? `${source}\n` : source;
    try {
      this.asts = markReturns(parseCached(text));
    } catch (error) {
      const hash = (error as { hash?: { loc?: { first_line: number; first_column: number } } }).hash;
      const line = hash?.loc?.first_line ?? 1;
      const column = (hash?.loc?.first_column ?? 0) + 1;
      const detail = String((error as Error).message).split('\n').slice(-1)[0];
      throw new TemplateParseError(`Parse error at line ${line}, column ${column}: ${detail}`, line, column);
    }
  }

  /** One engine per template, reused: rendering is synchronous, and render() resets its state. */
  private engine: AppSyncVelocity | undefined;
  private returned: { value: unknown; hasValue: boolean } | undefined;
  private readonly directives = {
    return: (...args: unknown[]) => {
      this.returned = { value: args[0] ?? null, hasValue: args.length > 0 };
      this.engine!._state.stop = true;
      return '';
    },
    returnJson: (text: unknown) => {
      this.returned = { value: typeof text === 'string' ? JSON.parse(text) : (text ?? null), hasValue: true };
      this.engine!._state.stop = true;
      return '';
    },
  };

  /** Renders with `context` as the template's variables ($context, $ctx, $util, …). Throws what $util.error throws. */
  render(context: Record<string, unknown>): Rendered {
    const engine = (this.engine ??= new AppSyncVelocity(this.asts, { escape: false }));
    this.returned = undefined;
    // A render that threw left its loops' locals behind.
    engine.local = {};
    engine.conditions = [];
    const text = engine.render(context, { ...this.directives });
    const returned = this.returned as { value: unknown; hasValue: boolean } | undefined;
    if (returned) return { kind: 'return', value: returned.value, hasValue: returned.hasValue };
    return { kind: 'text', text: String(text ?? '') };
  }
}
