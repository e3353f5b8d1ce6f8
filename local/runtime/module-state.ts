// Whether a module's top level can hold state a request could change or see. AppSync starts
// every request from the module's top level (sandbox.ts), which costs a fresh evaluation per
// request; a module whose top level makes nothing a handler could change gives the same
// handlers every time, so it is evaluated once. The test is on the syntax, and conservative:
// anything it does not know to be inert makes the module one that is evaluated per request.
//
// Inert, the top level holds only:
// - imports (AppSync's modules, frozen for every request alike);
// - function declarations, and `const`/`let`/`var` bindings of a function or arrow expression,
//   referred to only by calling them (`f(…)`) or exporting them: no code can reach the function
//   object itself to set a property on it (or on its `prototype`), compare it, or keep it;
// - bindings of a primitive literal (not a regular expression: one has `lastIndex`), read anywhere;
// - exports of those.
// No top-level binding may be assigned (`x = …`, `x++`, `for (x of …)`), and no function
// reachable from the top level may read the top level's `arguments`. Anything else at the top
// level (a call, an object or array literal, an expression statement, a class) runs or makes
// something per evaluation, so the module is evaluated per request.
//
// Names are not resolved to scopes: a use of the same name anywhere counts as a use of the
// top-level binding (a parameter called like a helper makes the module stateful: safe, if slower).
import type { Node } from 'acorn';

type AnyNode = Node & Record<string, any>;

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/** `program`: the module as acorn parsed it (sourceType module). */
export function hasInertTopLevel(program: AnyNode): boolean {
  /** Top-level name → whether it holds a function (else a primitive). */
  const bindings = new Map<string, 'function' | 'primitive'>();
  /** The identifiers that declare them. */
  const declared = new Set<AnyNode>();
  const declare = (id: AnyNode, kind: 'function' | 'primitive') => {
    if (bindings.has(id.name)) return false;
    bindings.set(id.name, kind);
    declared.add(id);
    return true;
  };
  const imported = new Set<string>();

  for (const statement of program.body as AnyNode[]) {
    if (statement.type === 'ImportDeclaration') {
      for (const spec of statement.specifiers as AnyNode[]) imported.add(spec.local.name);
      continue;
    }
    if (statement.type === 'EmptyStatement') continue;
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (statement.type === 'ExportNamedDeclaration' && !declaration) {
      if (statement.source) return false;
      continue; // export { a as b }: checked with the other references below.
    }
    if (!declaration) return false;
    if (declaration.type === 'FunctionDeclaration') {
      if (!declare(declaration.id, 'function')) return false;
    } else if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations as AnyNode[]) {
        if (declarator.id.type !== 'Identifier') return false;
        const kind = inertValue(declarator.init);
        if (!kind || !declare(declarator.id, kind)) return false;
        // `const f = function g() {…}`: inside, g names the function object too. Let it be the same name, checked as f.
        const ownName = declarator.init?.type === 'FunctionExpression' ? declarator.init.id : null;
        if (ownName && ownName.name !== declarator.id.name) return false;
        if (ownName) declared.add(ownName);
      }
    } else return false;
  }
  for (const name of imported) if (bindings.has(name)) return false;
  return usesAreInert(program, bindings, declared);
}

function inertValue(init: AnyNode | null): 'function' | 'primitive' | undefined {
  if (!init) return 'primitive';
  if (init.type === 'FunctionExpression' || init.type === 'ArrowFunctionExpression') return 'function';
  if (init.type === 'Literal') return init.regex ? undefined : 'primitive';
  if (init.type === 'TemplateLiteral' && init.expressions.length === 0) return 'primitive';
  if (init.type === 'UnaryExpression' && (init.operator === '-' || init.operator === '+' || init.operator === '!') && init.argument.type === 'Literal' && !init.argument.regex) return 'primitive';
  return undefined;
}

/**
 * Every reference to a top-level binding is one its kind allows, and none is a place a value is
 * written to (an assignment's or update's target, a loop's variable, a parameter, a pattern).
 */
function usesAreInert(program: AnyNode, bindings: Map<string, 'function' | 'primitive'>, declared: Set<AnyNode>): boolean {
  let inert = true;
  const visit = (node: AnyNode | null | undefined, parent: AnyNode | undefined, key: string, pattern: boolean, inFunction: boolean): void => {
    if (!inert || !node || typeof node.type !== 'string') return;
    if (node.type === 'Identifier') {
      if (!isReference(parent!, key)) return;
      // The top level's `arguments` and the compiled module's own parameters (compile.ts) are the evaluation's.
      if ((node.name === 'arguments' && !inFunction) || node.name.startsWith('__appsync$')) inert = false;
      const kind = bindings.get(node.name);
      if (kind && !declared.has(node)) {
        if (pattern) inert = false;
        else if (kind === 'function' && !((parent!.type === 'CallExpression' && key === 'callee') || parent!.type === 'ExportSpecifier')) inert = false;
      }
      return;
    }
    const fn = FUNCTIONS.has(node.type);
    const inner = inFunction || (fn && node.type !== 'ArrowFunctionExpression');
    const each = (child: AnyNode | AnyNode[] | null | undefined, childKey: string, childPattern: boolean) => {
      if (Array.isArray(child)) for (const c of child) visit(c, node, childKey, childPattern, inner);
      else visit(child, node, childKey, childPattern, inner);
    };
    switch (node.type) {
      case 'AssignmentExpression':
        each(node.left, 'left', node.left.type !== 'MemberExpression');
        if (node.left.type === 'MemberExpression') each(node.left, 'left', false);
        each(node.right, 'right', false);
        return;
      case 'UpdateExpression':
        each(node.argument, 'argument', node.argument.type !== 'MemberExpression');
        return;
      case 'ForInStatement':
      case 'ForOfStatement':
        each(node.left, 'left', node.left.type !== 'MemberExpression' && node.left.type !== 'VariableDeclaration');
        each(node.right, 'right', false);
        each(node.body, 'body', false);
        return;
      case 'VariableDeclarator':
        each(node.id, 'id', true);
        each(node.init, 'init', false);
        return;
      case 'CatchClause':
        each(node.param, 'param', true);
        each(node.body, 'body', false);
        return;
      case 'AssignmentPattern':
        each(node.left, 'left', true);
        each(node.right, 'right', false);
        return;
      case 'Property':
        if (node.computed) each(node.key, 'key', false);
        else each(node.key, 'key', pattern);
        each(node.value, 'value', pattern);
        return;
      case 'MemberExpression':
        // A member as a target writes to the object, which is read: not a binding's write.
        each(node.object, 'object', false);
        each(node.property, 'property', false);
        return;
    }
    if (fn) {
      each(node.id, 'id', true);
      each(node.params, 'params', true);
      each(node.body, 'body', false);
      return;
    }
    for (const childKey of Object.keys(node)) {
      if (childKey === 'loc') continue;
      const value = node[childKey];
      if (Array.isArray(value) || (value && typeof value === 'object')) each(value, childKey, pattern);
    }
  };
  visit(program, undefined, '', false, false);
  return inert;
}

/** Whether an identifier in this place names a binding (rather than a property, a label or an exported name). */
function isReference(parent: AnyNode, key: string): boolean {
  if (parent.type === 'MemberExpression' && key === 'property') return parent.computed;
  if ((parent.type === 'Property' || parent.type === 'MethodDefinition' || parent.type === 'PropertyDefinition') && key === 'key') return parent.computed;
  if (parent.type === 'LabeledStatement' || parent.type === 'BreakStatement' || parent.type === 'ContinueStatement') return false;
  if (parent.type === 'ExportSpecifier') return key === 'local';
  if (parent.type === 'ImportSpecifier' || parent.type === 'ImportDefaultSpecifier' || parent.type === 'ImportNamespaceSpecifier') return false;
  if (parent.type === 'MetaProperty') return false;
  return true;
}
