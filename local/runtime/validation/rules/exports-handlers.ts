// A resolver or function is one ES module that exports `request` and `response`
// (resolver-reference-overview-js.html: "the request and response handlers").
import type { Rule } from 'eslint';

const HANDLERS = ['request', 'response'];

export const exportsHandlers: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'The module exports a request and a response function' },
    messages: { missing: 'the module must export a {{name}} function' },
    schema: [],
  },
  create(context) {
    const exported = new Set<string>();
    const name = (node: { type: string; name?: string; value?: unknown }) => (node.type === 'Identifier' ? node.name! : String(node.value));
    return {
      ExportNamedDeclaration(node) {
        const declaration = node.declaration;
        if (declaration?.type === 'FunctionDeclaration' && declaration.id) exported.add(declaration.id.name);
        if (declaration?.type === 'VariableDeclaration') {
          for (const d of declaration.declarations) if (d.id.type === 'Identifier') exported.add(d.id.name);
        }
        for (const spec of node.specifiers) exported.add(name(spec.exported));
      },
      'Program:exit'(node) {
        for (const handler of HANDLERS) {
          if (!exported.has(handler)) context.report({ node, loc: { line: 1, column: 0 }, messageId: 'missing', data: { name: handler } });
        }
      },
    };
  },
};
