// `throw` is not supported (supported-features.html: "Throwing errors with throw
// is not supported"), and @aws-appsync/eslint-plugin has no rule for it.
import type { Rule } from 'eslint';

export const noThrow: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Disallow throw: APPSYNC_JS raises errors with util.error()' },
    messages: { noThrow: 'throw is not supported: use util.error() or util.appendError()' },
    schema: [],
  },
  create: (context) => ({
    ThrowStatement: (node) => context.report({ node, messageId: 'noThrow' }),
  }),
};
