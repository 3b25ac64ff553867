import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../../ast/get-static-property-name.js';
import type { AnyContext, FunctionLike } from './types.js';

/** Where a function is handed to a call: the call, the argument holding it and, in an options object, its key. */
export interface FunctionUsage {
  readonly call: TSESTree.CallExpression;
  /** The argument of `call` that holds the function (the function, a wrapper call, an array or an options object). */
  readonly argument: TSESTree.Node;
  /** The property key when the function is a property of an options object (`{ handler }`). */
  readonly key?: string;
}

const MAX_REFERENCES = 20;

/**
 * The calls `fn` is passed to in this file: inline (`app.get('/', (req, res) => …)`), by name
 * (`app.get('/', listUsers)`), in a wrapper (`app.get('/', asyncHandler(…))`), in a middleware
 * array or as an options property (`{ handler }`).
 */
export function getFunctionUsages(context: AnyContext, fn: FunctionLike): FunctionUsage[] {
  const usages: FunctionUsage[] = [];
  for (const position of getValuePositions(context, fn)) addUsage(position, usages);
  return usages;
}

/** The function expression itself and every read of the name it is bound to. */
function getValuePositions(context: AnyContext, fn: FunctionLike): TSESTree.Node[] {
  if (fn.type !== AST_NODE_TYPES.FunctionDeclaration) {
    const parent = fn.parent;
    if (parent.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== fn) return [fn];
    return [fn, ...getReads(context, parent, parent.id)];
  }
  return fn.id ? getReads(context, fn, fn.id) : [];
}

function getReads(context: AnyContext, declaration: TSESTree.Node, id: TSESTree.Node): TSESTree.Node[] {
  if (id.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = context.sourceCode.getDeclaredVariables(declaration).find((candidate) => candidate.name === id.name);
  if (!variable) return [];
  return variable.references
    .filter((reference) => reference.isRead() && reference.identifier !== id)
    .slice(0, MAX_REFERENCES)
    .map((reference) => reference.identifier);
}

function addUsage(position: TSESTree.Node, usages: FunctionUsage[]): void {
  const parent = position.parent;
  if (!parent) return;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(position as TSESTree.CallExpressionArgument)) {
    usages.push({ call: parent, argument: position });
    // A wrapper such as `asyncHandler(fn)` or `catchErrors(fn)` handed to a route.
    const outer = parent.parent;
    if (
      parent.arguments[0] === position &&
      outer.type === AST_NODE_TYPES.CallExpression &&
      outer.arguments.includes(parent)
    ) {
      usages.push({ call: outer, argument: parent });
    }
    return;
  }
  if (parent.type === AST_NODE_TYPES.ArrayExpression) {
    const outer = parent.parent;
    if (outer.type === AST_NODE_TYPES.CallExpression && outer.arguments.includes(parent)) {
      usages.push({ call: outer, argument: parent });
    }
    return;
  }
  if (parent.type === AST_NODE_TYPES.Property && parent.value === position) {
    const key = getStaticPropertyName(parent);
    const object = parent.parent;
    if (
      key !== undefined &&
      object.type === AST_NODE_TYPES.ObjectExpression &&
      object.parent.type === AST_NODE_TYPES.CallExpression &&
      object.parent.arguments.includes(object)
    ) {
      usages.push({ call: object.parent, argument: object, key });
    }
  }
}
