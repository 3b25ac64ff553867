import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** The variable `identifier` refers to, looked up from its own scope outwards; `undefined` for an undeclared global. */
export function findVariable(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  identifier: TSESTree.Identifier,
): TSESLint.Scope.Variable | undefined {
  return ASTUtils.findVariable(context.sourceCode.getScope(identifier), identifier) ?? undefined;
}
