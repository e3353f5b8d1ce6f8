// The runtime resolves only @aws-appsync/utils and its dynamodb, rds and ai
// entries; anything else must be bundled in (resolver-reference-overview-js.html,
// additional-utilities.html). rds and ai are AppSync's but not the local runtime's.
import type { Rule } from 'eslint';

export const SUPPORTED_IMPORTS = ['@aws-appsync/utils', '@aws-appsync/utils/dynamodb'];
export const UNSUPPORTED_LOCALLY = ['@aws-appsync/utils/rds', '@aws-appsync/utils/ai'];

export const allowedImports: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Only @aws-appsync/utils and @aws-appsync/utils/dynamodb can be imported' },
    messages: {
      notLocal: '{{name}} is not supported locally: the local AppSync implements @aws-appsync/utils and @aws-appsync/utils/dynamodb',
      notProvided: 'cannot import {{name}}: the runtime provides only @aws-appsync/utils and its entries; bundle other code into the module',
    },
    schema: [],
  },
  create(context) {
    const check = (source: { value?: unknown } | null | undefined, node: Rule.Node) => {
      const name = String(source?.value);
      if (SUPPORTED_IMPORTS.includes(name)) return;
      context.report({ node, messageId: UNSUPPORTED_LOCALLY.includes(name) ? 'notLocal' : 'notProvided', data: { name } });
    };
    return {
      ImportDeclaration: (node) => check(node.source, node),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node),
      ExportAllDeclaration: (node) => check(node.source, node),
    };
  },
};
