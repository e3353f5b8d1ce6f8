// Turns one APPSYNC_JS ES module into a script the realm can run: imports become
// lookups of the modules AppSync provides, exports become properties of an
// object, and every function body and loop body first calls the clock, so a
// handler that runs past the request's time limit can be stopped (node:vm's own
// timeout starts a watchdog thread per call: ~125 µs, far over our budget).
// Syntax that can double a value's size in one step is measured too (see
// `instrument`): what is spread (`...x`), and the strings `+`, `+=` and template
// literals make from two values, since a few dozen such steps, fewer than the
// clock's checks, reach gigabytes.
// A source map leads positions in the script back to the module's text.
import { parse, type Node } from 'acorn';
import MagicString from 'magic-string';
import { hasInertTopLevel } from './module-state.ts';

export const IMPORT = '__appsync$import';
export const EXPORTS = '__appsync$exports';
export const TICK = '__appsync$tick';
/** `(value, weight = 1) => value`, after checking the size of what is about to be spread (× weight per element). */
export const SPREAD = '__appsync$spread';
/** `(value) => value`, after checking the length of a string just made. */
export const GROWN = '__appsync$grown';
/** `(object) => object`, before a property of it is written or deleted: the realm notes writes to ctx's parts (runaway/handed.ts). */
export const WRITTEN = '__appsync$written';

export type CompiledScript = {
  /** `(function (import, exports, tick, spread, grown, written) { … })`, to run in the realm. */
  source: string;
  /** Source map from `source` back to the module's text (v3, no content). */
  map: string;
  /** Module specifiers the code imports, in order. */
  imports: string[];
  /**
   * `line:column` of the method name of each `console.x(…)` call → where the call
   * starts (1-based, in the module's text). V8 places a call's frame at the method
   * name; AppSync's log lines give the start of the call (`code.js:5:3`).
   */
  callStarts: Map<string, { line: number; column: number }>;
  /** Its top level makes nothing a request could change (module-state.ts): one evaluation serves every request. */
  inertTopLevel: boolean;
};

export class CompileError extends Error {
  override name = 'CompileError';
  constructor(
    message: string,
    /** 1-based line and column in the module's text. */
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

type AnyNode = Node & Record<string, any>;

export function compileModule(code: string, file: string): CompiledScript {
  let program: AnyNode;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true }) as AnyNode;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    throw new CompileError((error as Error).message.replace(/ \(\d+:\d+\)$/, ''), loc?.line ?? 0, (loc?.column ?? -1) + 1);
  }
  const inertTopLevel = hasInertTopLevel(program);
  const out = new MagicString(code);
  const imports: string[] = [];
  const header: string[] = [];
  const footer: string[] = [];
  const exported = (local: string, name: string) => footer.push(`${EXPORTS}[${JSON.stringify(name)}] = ${local};`);

  for (const statement of program.body as AnyNode[]) {
    switch (statement.type) {
      case 'ImportDeclaration': {
        const from = statement.source.value as string;
        imports.push(from);
        const module = `${IMPORT}(${JSON.stringify(from)})`;
        for (const spec of statement.specifiers as AnyNode[]) {
          if (spec.type === 'ImportNamespaceSpecifier') header.push(`const ${spec.local.name} = ${module};`);
          else if (spec.type === 'ImportDefaultSpecifier') header.push(`const ${spec.local.name} = ${module}.default;`);
          else header.push(`const ${spec.local.name} = ${module}[${JSON.stringify(importedName(spec.imported))}];`);
        }
        if (statement.specifiers.length === 0) header.push(`${module};`);
        out.remove(statement.start, statement.end);
        break;
      }
      case 'ExportNamedDeclaration': {
        if (statement.declaration) {
          out.remove(statement.start, statement.declaration.start);
          for (const name of declaredNames(statement.declaration)) exported(name, name);
        } else if (statement.source) {
          const from = statement.source.value as string;
          imports.push(from);
          for (const spec of statement.specifiers as AnyNode[]) {
            exported(`${IMPORT}(${JSON.stringify(from)})[${JSON.stringify(importedName(spec.local))}]`, importedName(spec.exported));
          }
          out.remove(statement.start, statement.end);
        } else {
          for (const spec of statement.specifiers as AnyNode[]) exported(importedName(spec.local), importedName(spec.exported));
          out.remove(statement.start, statement.end);
        }
        break;
      }
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration as AnyNode;
        if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id) {
          out.remove(statement.start, declaration.start);
          exported(declaration.id.name, 'default');
        } else {
          out.overwrite(statement.start, declaration.start, `const ${EXPORTS}$default = `);
          exported(`${EXPORTS}$default`, 'default');
        }
        break;
      }
      case 'ExportAllDeclaration': {
        const from = statement.source.value as string;
        imports.push(from);
        if (statement.exported) exported(`${IMPORT}(${JSON.stringify(from)})`, importedName(statement.exported));
        else footer.push(`Object.assign(${EXPORTS}, ${IMPORT}(${JSON.stringify(from)}));`);
        out.remove(statement.start, statement.end);
        break;
      }
    }
  }

  const callStarts = new Map<string, { line: number; column: number }>();
  instrument(program, out, callStarts);
  out.prepend(`(function (${IMPORT}, ${EXPORTS}, ${TICK}, ${SPREAD}, ${GROWN}, ${WRITTEN}) {"use strict";${header.join('')}\n`);
  out.append(`\n;${footer.join('')}\n})`);
  const map = out.generateMap({ hires: true, source: file, includeContent: false });
  return { source: out.toString(), map: map.toString(), imports, callStarts, inertTopLevel };
}

const importedName = (node: AnyNode): string => (node.type === 'Identifier' ? node.name : String(node.value));

function declaredNames(declaration: AnyNode): string[] {
  if (declaration.type !== 'VariableDeclaration') return declaration.id ? [declaration.id.name] : [];
  const names: string[] = [];
  const collect = (pattern: AnyNode | null) => {
    if (!pattern) return;
    if (pattern.type === 'Identifier') names.push(pattern.name);
    else if (pattern.type === 'ObjectPattern') for (const p of pattern.properties) collect(p.type === 'RestElement' ? p.argument : p.value);
    else if (pattern.type === 'ArrayPattern') for (const p of pattern.elements) collect(p);
    else if (pattern.type === 'RestElement') collect(pattern.argument);
    else if (pattern.type === 'AssignmentPattern') collect(pattern.left);
  };
  for (const declarator of declaration.declarations) collect(declarator.id);
  return names;
}

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/**
 * Every function entry and loop iteration calls the clock first. Every spread
 * argument goes through SPREAD (`[...x]` → `[...spread(x)]`), and every string
 * concatenation whose parts are both computed (`a + b`, `s += t`, a template
 * literal with two or more substitutions) through GROWN. A concatenation with a
 * literal part grows by a constant per step, so it takes as many steps, and clock
 * checks, as characters: those are left alone. The object of every property written
 * or deleted by syntax (`o.p = v`, `o[k] += v`, `o.p++`, `delete o.p`, a destructuring
 * or for-in/of target `o.p`) goes through WRITTEN first: `WRITTEN(o).p = v`.
 */
function instrument(root: AnyNode, out: MagicString, callStarts: CompiledScript['callStarts']) {
  const tick = `${TICK}();`;
  const wrap = (node: AnyNode, helper: string) => {
    out.appendLeft(node.start, `${helper}(`);
    out.prependRight(node.end, ')');
  };
  const computed = (node: AnyNode) => node.type !== 'Literal';
  const visit = (node: AnyNode, parent?: AnyNode) => {
    if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && node.callee.object.type === 'Identifier' &&
      node.callee.object.name === 'console') {
      const name = node.callee.property.loc.start;
      const call = node.loc!.start;
      callStarts.set(`${name.line}:${name.column + 1}`, { line: call.line, column: call.column + 1 });
    }
    // Refused by validation already; refused here too, whatever loads the code: each
    // makes a promise, and a rejected one nobody handles would end the server.
    if (node.type === 'ImportExpression' || node.type === 'MetaProperty' || (FUNCTIONS.has(node.type) && (node.async || node.generator))) {
      const what = node.type === 'ImportExpression' ? 'import() is' : node.type === 'MetaProperty' ? 'import.meta is' : node.async ? 'async functions are' : 'generators are';
      throw new CompileError(`${what} not supported`, node.loc!.start.line, node.loc!.start.column + 1);
    }
    if (node.type === 'SpreadElement' && parent?.type === 'ObjectExpression') {
      // Into an object, each element of a string or an array becomes a property: weighed as eight elements.
      out.appendLeft(node.argument.start, `${SPREAD}(`);
      out.prependRight(node.argument.end, ', 8)');
    } else if (node.type === 'SpreadElement') wrap(node.argument, SPREAD);
    else if (node.type === 'BinaryExpression' && node.operator === '+' && computed(node.left) && computed(node.right)) wrap(node, GROWN);
    else if (node.type === 'AssignmentExpression' && node.operator === '+=' && computed(node.right)) wrap(node, GROWN);
    else if (node.type === 'TemplateLiteral' && node.expressions.length >= 2 && parent?.type !== 'TaggedTemplateExpression') wrap(node, GROWN);
    for (const target of writtenMembers(node)) if (target.object.type !== 'Super') wrap(target.object, WRITTEN);
    if (FUNCTIONS.has(node.type)) {
      const body = node.body as AnyNode;
      if (body.type === 'BlockStatement') out.appendLeft(body.start + 1, tick);
      else {
        out.appendLeft(body.start, `(${TICK}(), `);
        out.prependRight(body.end, ')');
      }
    } else if (LOOPS.has(node.type)) {
      const body = node.body as AnyNode;
      if (body.type === 'BlockStatement') out.appendLeft(body.start + 1, tick);
      else {
        out.appendLeft(body.start, `{${tick}`);
        out.prependRight(body.end, '}');
      }
    }
    for (const key of Object.keys(node)) {
      if (key === 'loc') continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const child of value) if (child && typeof child.type === 'string') visit(child, node);
      } else if (value && typeof value === 'object' && typeof value.type === 'string') visit(value, node);
    }
  };
  visit(root);
}

/** The member expressions a node writes to or deletes, as targets of its own (not of nested expressions). */
function writtenMembers(node: AnyNode): AnyNode[] {
  const found: AnyNode[] = [];
  // A pattern's members: `[o.a, ...o.b] = …`, `({ k: o.c = 1 } = …)`.
  const pattern = (target: AnyNode | null) => {
    if (!target) return;
    if (target.type === 'MemberExpression') found.push(target);
    else if (target.type === 'ArrayPattern') for (const element of target.elements) pattern(element);
    else if (target.type === 'ObjectPattern') for (const property of target.properties) pattern(property.type === 'RestElement' ? property.argument : property.value);
    else if (target.type === 'RestElement') pattern(target.argument);
    else if (target.type === 'AssignmentPattern') pattern(target.left);
  };
  if (node.type === 'AssignmentExpression') pattern(node.left);
  else if (node.type === 'UpdateExpression') pattern(node.argument);
  else if (node.type === 'UnaryExpression' && node.operator === 'delete') pattern(node.argument.type === 'ChainExpression' ? node.argument.expression : node.argument);
  else if ((node.type === 'ForInStatement' || node.type === 'ForOfStatement') && node.left.type !== 'VariableDeclaration') pattern(node.left);
  return found;
}
