import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getStaticPropertyName } from '../ast/get-static-property-name.js';
import { unwrapExpression } from '../ast/unwrap-expression.js';
import type { TaintSink } from './types.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const RECEIVER_CHECKS = new Set(['startsWith', 'endsWith', 'match']);
// A URL whose host was checked can only reach that host.
const URL_HOST_PROPERTIES = ['host', 'hostname', 'origin'];

interface Subject {
  /** The source text of the checked expression, and of its parts whose check vets it for the sink. */
  readonly texts: ReadonlySet<string>;
  /** `typeof x === 'string'` vets a value that must not be an object (`nosql`). */
  readonly typeOf: boolean;
}

/**
 * `true` when `node` is used where a check on the same expression has already vetted it:
 * `if (!ALLOWED.includes(branch)) return …;` (or `throw`) earlier in an enclosing block, or inside
 * `if (ALLOWED.has(branch)) { … }`, `ALLOWED.includes(x) ? x : 'main'`, `isSafe(x) && run(x)`.
 * A check is a call taking the expression as an argument (`includes`, `has`, `test`, a validator),
 * `x.startsWith(…)`/`endsWith`/`match`, an equality with another value, or `x in MAP`; checks combine through `!`, `&&` and `||`.
 * Given a `sink`: for `nosql`, `typeof x === 'string'` (any type but `'object'`) is a check too; for `url`,
 * a check of `x.host`/`x.hostname`/`x.origin` (`ALLOWED_HOSTS.has(url.hostname)`) vets the URL `x`.
 */
export function isGuarded(context: AnyContext, node: TSESTree.Node, sink?: TaintSink): boolean {
  const own = context.sourceCode.getText(node);
  const text: Subject = {
    texts: new Set(sink === 'url' ? [own, ...URL_HOST_PROPERTIES.map((property) => `${own}.${property}`)] : [own]),
    typeOf: sink === 'nosql',
  };
  let child: TSESTree.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression:
        if (child === parent.consequent && isCheck(context, parent.test, text, true)) return true;
        if (child === parent.alternate && isCheck(context, parent.test, text, false)) return true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (child === parent.right && parent.operator === '&&' && isCheck(context, parent.left, text, true)) return true;
        if (child === parent.right && parent.operator === '||' && isCheck(context, parent.left, text, false)) return true;
        break;
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
      case AST_NODE_TYPES.StaticBlock:
        if (hasRejectingCheckBefore(context, parent.body, child, text)) return true;
        break;
      case AST_NODE_TYPES.SwitchCase:
        if (hasRejectingCheckBefore(context, parent.consequent, child, text)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

function hasRejectingCheckBefore(
  context: AnyContext,
  statements: readonly TSESTree.Node[],
  child: TSESTree.Node,
  text: Subject,
): boolean {
  for (const statement of statements) {
    if (statement === child) return false;
    if (
      statement.type === AST_NODE_TYPES.IfStatement &&
      exits(statement.consequent) &&
      isCheck(context, statement.test, text, false)
    ) {
      return true;
    }
  }
  return false;
}

/** `true` when `test` being truthy (`whenTruthy`) or falsy proves the expression `text` was vetted. */
function isCheck(context: AnyContext, test: TSESTree.Node, text: Subject, whenTruthy: boolean): boolean {
  switch (test.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return test.operator === '!' && isCheck(context, test.argument, text, !whenTruthy);
    case AST_NODE_TYPES.LogicalExpression: {
      const left = isCheck(context, test.left, text, whenTruthy);
      const right = isCheck(context, test.right, text, whenTruthy);
      // `a && b` truthy proves either; falsy proves only what both prove. `||` is the mirror image.
      if (test.operator === '&&') return whenTruthy ? left || right : left && right;
      if (test.operator === '||') return whenTruthy ? left && right : left || right;
      return false;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (test.operator === 'in') return whenTruthy && isSame(context, test.left, text);
      const isEquality = test.operator === '===' || test.operator === '==';
      const isInequality = test.operator === '!==' || test.operator === '!=';
      if (!isEquality && !isInequality) return false;
      const compared =
        isSame(context, test.left, text) ||
        isSame(context, test.right, text) ||
        (text.typeOf && (isTypeOfScalar(context, test.left, test.right, text) || isTypeOfScalar(context, test.right, test.left, text)));
      return compared && whenTruthy === isEquality;
    }
    case AST_NODE_TYPES.CallExpression: {
      if (!whenTruthy) return false;
      if (test.arguments.some((argument) => isSame(context, argument, text))) return true;
      // `next.startsWith('/')`, `name.match(/^[\w-]+$/)`
      const callee = test.callee;
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        RECEIVER_CHECKS.has(getStaticPropertyName(callee) ?? '') &&
        isSame(context, callee.object, text)
      );
    }
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.AwaitExpression:
      return isCheck(context, unwrapExpression(test), text, whenTruthy);
    default:
      return false;
  }
}

function isSame(context: AnyContext, node: TSESTree.Node, text: Subject): boolean {
  return text.texts.has(context.sourceCode.getText(unwrapExpression(node)));
}

/** `typeof x === 'string'`: `x` is a primitive of the named type (not `'object'`). */
function isTypeOfScalar(context: AnyContext, operator: TSESTree.Node, type: TSESTree.Node, text: Subject): boolean {
  return (
    operator.type === AST_NODE_TYPES.UnaryExpression &&
    operator.operator === 'typeof' &&
    isSame(context, operator.argument, text) &&
    type.type === AST_NODE_TYPES.Literal &&
    typeof type.value === 'string' &&
    type.value !== 'object' &&
    type.value !== 'undefined'
  );
}

function exits(statement: TSESTree.Statement): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ContinueStatement:
    case AST_NODE_TYPES.BreakStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some((inner) => exits(inner));
    default:
      return false;
  }
}
