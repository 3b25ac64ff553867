import { ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

type AnyContext = Readonly<TSESLint.RuleContext<'probe', []>>;

/**
 * A rule that reports what a kit helper answers for each node matching `selector`,
 * as `{{answer}}`, so helper tests read like rule tests (exact positions included).
 * Nodes the helper answers `undefined` for are not reported.
 */
export function createProbeRule<Node extends TSESTree.Node = TSESTree.Node>(
  selector: string,
  describe: (context: AnyContext, node: Node) => string | undefined,
): TSESLint.RuleModule<'probe', []> {
  return ESLintUtils.RuleCreator.withoutDocs<[], 'probe'>({
    meta: {
      type: 'problem',
      schema: [],
      messages: { probe: '{{answer}}' },
    },
    create(context) {
      return {
        [selector](node: Node): void {
          const answer = describe(context, node);
          if (answer !== undefined) context.report({ node, messageId: 'probe', data: { answer } });
        },
      };
    },
  });
}
