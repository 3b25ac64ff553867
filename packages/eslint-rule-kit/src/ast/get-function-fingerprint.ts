import { createHash } from 'node:crypto';

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

export type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** A function's normalized shape: equal hashes mean equal code up to local names, literal values and types. */
export interface FunctionFingerprint {
  /** 16 base64url characters of a SHA-1 over the normalized node sequence. */
  readonly hash: string;
  /** Number of AST nodes hashed, types and literal data (literals, object and array literals, their keys) excluded. */
  readonly size: number;
}

// Type-level keys: a JS copy of a TS function is still a copy.
const SKIPPED_KEYS = new Set(['parent', 'typeAnnotation', 'returnType', 'typeArguments', 'typeParameters', 'decorators', 'loc', 'range']);
// Fewer characters than this cannot reach any useful size floor, so they are not walked at all.
const MIN_TEXT_LENGTH = 80;
// Literal data (config objects, lookup tables) is hashed but not counted: two functions that pass
// different object literals to the same call are not duplicated logic.
const DATA_NODES = new Set<string>([
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.TemplateElement,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.Property,
]);
const cache = new WeakMap<TSESTree.Node, FunctionFingerprint | null>();

/**
 * The fingerprint of `node`'s parameters and body: node types and operators in order, bindings
 * renamed by first appearance (`a + b` ≠ `a + a`), literals reduced to their kind, property
 * names kept (`user.email` ≠ `user.name`), type annotations and the function's own name dropped.
 * `undefined` for functions under `minSize` nodes. Memoized per node.
 */
export function getFunctionFingerprint(
  node: FunctionNode,
  visitorKeys: TSESLint.SourceCode.VisitorKeys,
  minSize: number,
): FunctionFingerprint | undefined {
  if (node.range[1] - node.range[0] < MIN_TEXT_LENGTH) return undefined;
  let fingerprint = cache.get(node);
  if (fingerprint === undefined) {
    fingerprint = computeFingerprint(node, visitorKeys);
    cache.set(node, fingerprint);
  }
  return fingerprint && fingerprint.size >= minSize ? fingerprint : undefined;
}

function computeFingerprint(node: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys): FunctionFingerprint | null {
  const names = new Map<string, number>();
  const parts: string[] = [node.async ? 'async' : '', node.generator ? 'gen' : ''];
  let size = 0;
  const stack: TSESTree.Node[] = [node.body, ...[...node.params].reverse()];
  while (stack.length > 0) {
    const current = stack.pop() as TSESTree.Node;
    if (current.type.startsWith('TS')) {
      // `x as T`, `x!`, `x satisfies T` keep their expression; other TS nodes are types.
      if ('expression' in current && isExpressionWrapper(current)) stack.push(current.expression);
      continue;
    }
    if (!DATA_NODES.has(current.type) && !(current.type === AST_NODE_TYPES.Identifier && current.parent.type === AST_NODE_TYPES.Property && current.parent.key === current)) {
      size += 1;
    }
    parts.push(describe(current, names));
    const keys = visitorKeys[current.type] ?? [];
    // `{ revenue }` is `{ revenue: revenue }`: the key is described with the Property, the value walked.
    const shorthand = current.type === AST_NODE_TYPES.Property && current.shorthand;
    for (let index = keys.length - 1; index >= 0; index -= 1) {
      const key = keys[index] as string;
      if (SKIPPED_KEYS.has(key) || (shorthand && key === 'key')) continue;
      const child = (current as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (let item = child.length - 1; item >= 0; item -= 1) {
          const element = child[item] as TSESTree.Node | null;
          if (element) stack.push(element);
        }
      } else if (child && typeof child === 'object' && 'type' in child) {
        stack.push(child as TSESTree.Node);
      }
    }
  }
  const hash = createHash('sha1').update(parts.join(' ')).digest('base64url').slice(0, 16);
  return { hash, size };
}

function isExpressionWrapper(node: TSESTree.Node): node is TSESTree.TSAsExpression | TSESTree.TSNonNullExpression | TSESTree.TSSatisfiesExpression {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion
  );
}

function describe(node: TSESTree.Node, names: Map<string, number>): string {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier: {
      if (isPropertyName(node)) return `.${node.name}`;
      let index = names.get(node.name);
      if (index === undefined) {
        index = names.size;
        names.set(node.name, index);
      }
      return `$${index}`;
    }
    case AST_NODE_TYPES.Literal:
      return node.value instanceof RegExp || 'regex' in node ? 'L:regex' : `L:${node.value === null ? 'null' : typeof node.value}`;
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.AssignmentExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.UpdateExpression:
      return `${node.type}${node.operator}`;
    case AST_NODE_TYPES.VariableDeclaration:
      return `${node.type}:${node.kind}`;
    case AST_NODE_TYPES.Property:
      return node.shorthand && node.key.type === AST_NODE_TYPES.Identifier ? `Property:${node.kind} .${node.key.name}` : `Property:${node.kind}`;
    case AST_NODE_TYPES.MemberExpression:
      return node.optional ? 'Member?' : node.type;
    case AST_NODE_TYPES.CallExpression:
      return node.optional ? 'Call?' : node.type;
    default:
      return node.type;
  }
}

/** `user.email`, `{ email: … }`, `class { email }`: names of properties, not bindings. */
function isPropertyName(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.property === node && !parent.computed;
    case AST_NODE_TYPES.Property:
      return parent.key === node && !parent.computed;
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.PropertyDefinition:
      return parent.key === node && !parent.computed;
    default:
      return false;
  }
}
