import {
  AST_NODE_TYPES,
  getOrigin,
  getRequestSourceLabel,
  getTaint,
  isInTestFile,
  type Origin,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ checkNonConstant: boolean; sanitizers: string[] }];
export type MessageIds = 'codeInjection' | 'dynamicCode';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

/** Which arguments of an API are compiled as code. */
type CodeArguments = 'first' | 'all' | 'string-first';

const VM_FUNCTIONS: Readonly<Record<string, CodeArguments>> = {
  runInContext: 'first',
  runInNewContext: 'first',
  runInThisContext: 'first',
  compileFunction: 'first',
};
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate']);

export default createRule<Options, MessageIds>({
  name: 'no-code-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow evaluating code built from request input with `eval`, `new Function`, `vm` or string timers',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkNonConstant: {
            type: 'boolean',
            description: 'Also report code built from any non-constant value, not only from request input.',
          },
          sanitizers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Callees, as written at the call, whose result the rule treats as safe code.',
          },
        },
      },
    ],
    defaultOptions: [{ checkNonConstant: false, sanitizers: [] }],
    messages: {
      codeInjection:
        '`{{callee}}` runs code built from {{input}}, so a request can run any JavaScript in the server process: read secrets, files and the database, or start a shell. Parse the input as data (`JSON.parse`, a lookup table) instead of evaluating it.',
      dynamicCode:
        '`{{callee}}` runs code that is not a constant; if any part of it ever comes from a user, the server runs their JavaScript. Replace it with data-driven logic (a lookup table, `JSON.parse`).',
    },
  },
  create(context, [{ checkNonConstant, sanitizers }]) {
    if (isInTestFile(context) || !/eval|Function|vm|set(?:Timeout|Interval|Immediate)/.test(context.sourceCode.text)) return {};

    function check(call: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const api = getCodeApi(context, call.callee);
      if (!api) return;
      const args = call.arguments.filter((argument) => argument.type !== AST_NODE_TYPES.SpreadElement);
      const code = api.arguments === 'all' ? args : args.slice(0, 1);
      for (const argument of code) {
        if (api.arguments === 'string-first' && !isStringLike(argument)) continue;
        const taint = getTaint(context, argument, { sink: 'code', sanitizers });
        if (taint) {
          context.report({ node: argument, messageId: 'codeInjection', data: { callee: api.name, input: getRequestSourceLabel(taint.kind) } });
        } else if (checkNonConstant && !isConstant(argument)) {
          context.report({ node: argument, messageId: 'dynamicCode', data: { callee: api.name } });
        }
      }
    }

    return {
      CallExpression: check,
      NewExpression: check,
    };
  },
});

interface CodeApi {
  readonly name: string;
  readonly arguments: CodeArguments;
}

/** `eval`, `Function`/`new Function`, `vm.runIn*Context`/`new vm.Script`/`compileFunction`, string timers; by origin. */
function getCodeApi(context: Context, callee: TSESTree.Node): CodeApi | undefined {
  const node = unwrapExpression(callee);
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const origin = getOrigin(context, node);
  return origin && getApiFromOrigin(origin);
}

function getApiFromOrigin(origin: Origin): CodeApi | undefined {
  const path = origin.source === 'global' && origin.path[0] === 'globalThis' ? origin.path.slice(1) : origin.path;
  const [name, ...rest] = path;
  if (name === undefined || rest.length > 0) return undefined;
  if (origin.source === 'global') {
    if (name === 'eval') return { name, arguments: 'first' };
    if (name === 'Function') return { name: 'new Function', arguments: 'all' };
    if (TIMERS.has(name)) return { name, arguments: 'string-first' };
    return undefined;
  }
  if (origin.source !== 'vm') return undefined;
  if (name === 'Script') return { name: 'new vm.Script', arguments: 'first' };
  return Object.hasOwn(VM_FUNCTIONS, name) ? { name: `vm.${name}`, arguments: VM_FUNCTIONS[name] as CodeArguments } : undefined;
}

/** Strings and string-building expressions; a timer given a function does not compile anything. */
function isStringLike(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  return (
    (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') ||
    value.type === AST_NODE_TYPES.TemplateLiteral ||
    (value.type === AST_NODE_TYPES.BinaryExpression && value.operator === '+')
  );
}

function isConstant(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Literal) return true;
  if (value.type === AST_NODE_TYPES.TemplateLiteral) return value.expressions.every((expression) => isConstant(expression));
  if (value.type === AST_NODE_TYPES.BinaryExpression) {
    return value.left.type !== AST_NODE_TYPES.PrivateIdentifier && isConstant(value.left) && isConstant(value.right);
  }
  return false;
}
