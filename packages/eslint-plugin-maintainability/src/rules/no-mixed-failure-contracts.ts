import {
  AST_NODE_TYPES,
  getStaticPropertyName,
  isGeneratedFile,
  isInTestFile,
  isNode,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [];
export type MessageIds = 'mixedFailureContract';

type Contract = 'throw' | 'null' | 'result';
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

const CONTRACT_LABELS: Record<Contract, string> = {
  throw: 'throwing',
  null: 'returning `null` from a `catch`',
  result: 'returning an `{ error }` object',
};
const ERROR_KEYS = new Set(['error', 'errors', 'err']);
const FLAG_KEYS = new Set(['success', 'ok']);

interface ExportedFunction {
  readonly name: TSESTree.Node;
  readonly contract: Contract;
}

export default createRule<Options, MessageIds>({
  name: 'no-mixed-failure-contracts',
  meta: {
    type: 'suggestion',
    docs: {
      description: "Disallow exported functions of one module signalling failure differently from the module's majority",
      recommended: 'strict',
    },
    schema: [],
    messages: {
      mixedFailureContract:
        'This function signals failure by {{contract}}, but {{count}} of the {{total}} exported functions here signal it by {{majority}}: a caller that handles one way misses the other, and failures pass unnoticed or crash the request.',
    },
  },
  create(context) {
    if (isInTestFile(context) || isGeneratedFile(context)) return {};
    const { visitorKeys } = context.sourceCode;

    return {
      'Program:exit'(program: TSESTree.Program): void {
        const found: ExportedFunction[] = [];
        for (const [name, fn] of getExportedFunctions(program)) {
          const contract = getContract(fn, visitorKeys);
          if (contract) found.push({ name, contract });
        }
        if (found.length < 2) return;
        const counts = new Map<Contract, number>();
        for (const { contract } of found) counts.set(contract, (counts.get(contract) ?? 0) + 1);
        // Ties go to the contract used first: the module's earlier functions set its convention.
        let majority = found[0]?.contract as Contract;
        for (const [contract, count] of counts) if (count > (counts.get(majority) ?? 0)) majority = contract;
        for (const { name, contract } of found) {
          if (contract === majority) continue;
          context.report({
            node: name,
            messageId: 'mixedFailureContract',
            data: {
              contract: CONTRACT_LABELS[contract],
              count: counts.get(majority) ?? 0,
              total: found.length,
              majority: CONTRACT_LABELS[majority],
            },
          });
        }
      },
    };
  },
});

/** Exported functions and public methods of exported classes, with the node that names them. */
function getExportedFunctions(program: TSESTree.Program): [TSESTree.Node, FunctionNode][] {
  const found: [TSESTree.Node, FunctionNode][] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExportNamedDeclaration && statement.type !== AST_NODE_TYPES.ExportDefaultDeclaration) continue;
    const declaration = statement.declaration;
    if (!declaration) continue;
    if (declaration.type === AST_NODE_TYPES.FunctionDeclaration) found.push([declaration.id ?? declaration, declaration]);
    else if (declaration.type === AST_NODE_TYPES.ClassDeclaration) {
      for (const member of declaration.body.body) {
        if (
          member.type === AST_NODE_TYPES.MethodDefinition &&
          member.kind === 'method' &&
          member.accessibility !== 'private' &&
          member.accessibility !== 'protected' &&
          member.key.type !== AST_NODE_TYPES.PrivateIdentifier &&
          member.value.type === AST_NODE_TYPES.FunctionExpression
        ) {
          found.push([member.key, member.value]);
        }
      }
    } else if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        const init = declarator.init && unwrapExpression(declarator.init);
        if (init?.type === AST_NODE_TYPES.ArrowFunctionExpression || init?.type === AST_NODE_TYPES.FunctionExpression) {
          found.push([declarator.id, init]);
        }
      }
    }
  }
  return found;
}

/**
 * How a function tells its caller it failed: a `throw` that escapes it, `return null` from a
 * `catch` (an error turned into "nothing"), or a returned `{ error }` / `{ success: false }`
 * object. `undefined` when it shows none, or more than one (that function is mixed on its own).
 * A `null` returned outside a `catch` means "not found", not failure, and is not counted.
 */
function getContract(fn: FunctionNode, visitorKeys: TSESLint.SourceCode.VisitorKeys): Contract | undefined {
  const contracts = new Set<Contract>();
  const visit = (node: TSESTree.Node, inCatch: boolean, inTry: boolean): void => {
    switch (node.type) {
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.ClassDeclaration:
      case AST_NODE_TYPES.ClassExpression:
        return;
      case AST_NODE_TYPES.ThrowStatement:
        // A throw inside `try { … } catch` is caught here; only escaping throws are the contract.
        if (!inTry) contracts.add('throw');
        return;
      case AST_NODE_TYPES.TryStatement:
        visit(node.block, inCatch, inTry || node.handler !== null);
        if (node.handler) visit(node.handler.body, true, inTry);
        if (node.finalizer) visit(node.finalizer, inCatch, inTry);
        return;
      case AST_NODE_TYPES.ReturnStatement: {
        const argument = node.argument && unwrapExpression(node.argument);
        if (inCatch && argument?.type === AST_NODE_TYPES.Literal && argument.value === null) contracts.add('null');
        if (argument?.type === AST_NODE_TYPES.ObjectExpression && isFailureResult(argument)) contracts.add('result');
        return;
      }
      default:
        break;
    }
    for (const key of visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child) if (isNode(item)) visit(item, inCatch, inTry);
      } else if (isNode(child)) visit(child, inCatch, inTry);
    }
  };
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) visit(fn.body, false, false);
  else {
    const body = unwrapExpression(fn.body);
    if (body.type === AST_NODE_TYPES.ObjectExpression && isFailureResult(body)) contracts.add('result');
  }
  return contracts.size === 1 ? [...contracts][0] : undefined;
}

/** `{ error }`, `{ error: message }`, `{ errors: [...] }`, `{ success: false, … }`, `{ ok: false, … }`. */
function isFailureResult(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property) return false;
    const key = getStaticPropertyName(property);
    if (key === undefined) return false;
    const value = unwrapExpression(property.value);
    if (ERROR_KEYS.has(key)) {
      // `{ data, error: null }` is the success shape of the same contract.
      return !(value.type === AST_NODE_TYPES.Literal && value.value === null) && !(value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined');
    }
    return FLAG_KEYS.has(key) && value.type === AST_NODE_TYPES.Literal && value.value === false;
  });
}
