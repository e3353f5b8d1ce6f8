// import() and import.meta: APPSYNC_JS code is one module whose only imports
// are static ones from @aws-appsync/utils (resolver-reference-overview-js.html).
import type { Rule } from 'eslint';

export const noDynamicImport: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow import() and import.meta' },
    messages: {
      dynamicImport: 'import() is not supported: import from @aws-appsync/utils statically',
      importMeta: 'import.meta is not supported',
    },
    schema: [],
  },
  create: (context) => ({
    ImportExpression: (node) => context.report({ node, messageId: 'dynamicImport' }),
    MetaProperty: (node) => {
      if (node.meta.name === 'import') context.report({ node, messageId: 'importMeta' });
    },
  }),
};
