import { isAbsolute, resolve } from 'node:path';

import {
  AST_NODE_TYPES,
  FINGERPRINT_MIN_SIZE,
  type FunctionFact,
  type FunctionNode,
  getFunctionFingerprint,
  getProjectFacts,
  isGeneratedFile,
  isInTestFile,
  toRootRelative,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ minSize: number }];
export type MessageIds = 'duplicatedFunction';

export default createRule<Options, MessageIds>({
  name: 'no-duplicated-logic',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow functions that repeat the logic of a function in another file',
      recommended: 'strict',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          minSize: {
            type: 'integer',
            minimum: FINGERPRINT_MIN_SIZE,
            description: `The smallest function, in AST nodes (types and literal data excluded), compared across files; at least ${FINGERPRINT_MIN_SIZE}.`,
          },
        },
      },
    ],
    defaultOptions: [{ minSize: 50 }],
    messages: {
      duplicatedFunction:
        'This function repeats the logic of the one at `{{file}}:{{line}}` (only names, literals or types differ): a fix made to one copy will be missing from the other.',
    },
  },
  create(context, [{ minSize }]) {
    const facts = getProjectFacts(context);
    if (!facts?.functions || isInTestFile(context) || isGeneratedFile(context)) return {};
    const functions = facts.functions;
    const file = toRootRelative(facts, isAbsolute(context.filename) ? context.filename : resolve(context.cwd, context.filename));
    // The outermost duplicate is reported; the functions inside it are part of the same copy.
    let reportedUntil = -1;

    return {
      ':function'(node: FunctionNode): void {
        if (node.range[0] < reportedUntil) return;
        const fingerprint = getFunctionFingerprint(node, context.sourceCode.visitorKeys, minSize);
        if (!fingerprint) return;
        const original = getOriginal(functions[fingerprint.hash], file);
        if (!original) return;
        reportedUntil = node.range[1];
        context.report({
          node: getNameNode(node) ?? node,
          messageId: 'duplicatedFunction',
          data: { file: original.file, line: original.line },
        });
      },
    };
  },
});

/**
 * The copy every other copy points to: the first by file path, then line. `undefined` when no
 * other file has the fingerprint or when this file holds the original. Entries for this file
 * come from the pre-pass and may be stale, so the function being linted stands in for them.
 */
function getOriginal(entries: readonly FunctionFact[] | undefined, file: string): FunctionFact | undefined {
  let original: FunctionFact | undefined;
  for (const entry of entries ?? []) {
    if (entry.file === file) continue;
    if (!original || entry.file < original.file || (entry.file === original.file && entry.line < original.line)) original = entry;
  }
  if (!original || original.file > file) return undefined;
  return original;
}

/** The name a function is known by: `function load()`, `const load = () => …`, `{ load() {} }`. */
function getNameNode(node: FunctionNode): TSESTree.Node | undefined {
  if (node.type === AST_NODE_TYPES.FunctionDeclaration) return node.id ?? undefined;
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.VariableDeclarator) return parent.id;
  if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.Property) return parent.key;
  return undefined;
}
