import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { findVariable } from '../ast/find-variable.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import { getOrigin } from '../origin/get-origin.js';
import { getTaint } from './get-taint.js';
import type { TaintOptions } from './types.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

// Fixed text that pins the origin before any input: a path segment (`/users/`), a query or a fragment.
const PINNED = /\/[^/\\]|[?#]/;
const ABSOLUTE = /^[a-z][\w+.-]*:\/\/[^/?#]*([/?#])?/i;
const MAX_PARTS_DEPTH = 4;

/**
 * `true` when fixed text before the first request-derived part of the URL `node` pins where it goes:
 * a scheme and host followed by a path, query or fragment (`` `https://api.example.com/users/${id}` ``),
 * or a path segment after a non-input base (`` `${API_URL}/users/${id}` ``). `` `https://${host}/x` ``,
 * `` `https://api.example.com${rest}` `` and `` `/${x}` `` (`x = '/evil.com'`) are not pinned. Reads
 * templates, `+` and `const` variables holding them; `options` is passed to `getTaint` for each part.
 */
export function hasPinnedUrlPrefix(context: AnyContext, node: TSESTree.Node, options: TaintOptions = {}): boolean {
  let text = '';
  for (const part of getParts(context, node, 0)) {
    if (typeof part === 'string') {
      text += part;
    } else if (getTaint(context, part, options)) {
      const origin = ABSOLUTE.exec(text);
      return origin ? origin[1] !== undefined : PINNED.test(text);
    }
  }
  return false;
}

/** A concatenation or template as its fixed strings and expressions, through `const` variables. */
function getParts(context: AnyContext, input: TSESTree.Node, depth: number): (string | TSESTree.Node)[] {
  const node = unwrapExpression(input);
  if (depth > MAX_PARTS_DEPTH) return [node];
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return [node.value];
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    return node.quasis.flatMap((quasi, index) => {
      const expression = node.expressions[index];
      return expression ? [quasi.value.cooked ?? '', ...getParts(context, expression, depth + 1)] : [quasi.value.cooked ?? ''];
    });
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
    return [...getParts(context, node.left, depth + 1), ...getParts(context, node.right, depth + 1)];
  }
  // `encodeURI(\`https://api.github.com/users/${name}\`)` keeps the structure of its argument.
  if (node.type === AST_NODE_TYPES.CallExpression && node.arguments.length === 1 && node.arguments[0]) {
    const origin = getOrigin(context, node.callee);
    if (origin?.source === 'global' && origin.path.join('.') === 'encodeURI') return getParts(context, node.arguments[0], depth + 1);
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    const init = getConstInit(context, node);
    if (init) return getParts(context, init, depth + 1);
  }
  return [node];
}

function getConstInit(context: AnyContext, node: TSESTree.Identifier): TSESTree.Expression | undefined {
  const variable = findVariable(context, node);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Variable' || !def.node.init || def.node.id !== def.name) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && reference.writeExpr !== def.node.init)) return undefined;
  return def.node.init;
}
