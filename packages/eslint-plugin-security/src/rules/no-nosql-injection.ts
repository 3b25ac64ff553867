import {
  AST_NODE_TYPES,
  findVariable,
  getDataAccess,
  getEnclosingFunction,
  getOrigin,
  getProjectFacts,
  getRequestSourceLabel,
  getStaticPropertyName,
  getTaint,
  isInTestFile,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ sanitizers: string[] }];
export type MessageIds = 'operatorInjection' | 'requestFilter' | 'whereInjection' | 'regexInjection' | 'useEq';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

// Operations whose filter is the first argument (`distinct(field, filter)` is the exception).
const FILTER_OPERATIONS = new Set([
  'find', 'findOne', 'countDocuments', 'count', 'exists', 'deleteOne', 'deleteMany', 'updateOne', 'updateMany',
  'findOneAndUpdate', 'findOneAndDelete', 'findOneAndReplace', 'findOneAndRemove', 'replaceOne',
]);
const LOGICAL_OPERATORS = new Set(['$and', '$or', '$nor']);
// Middleware that strips `$` keys from every request body and query.
const SANITIZING_MIDDLEWARE = ['express-mongo-sanitize', 'mongo-sanitize', '@exortek/express-mongo-sanitize'];

export default createRule<Options, MessageIds>({
  name: 'no-nosql-injection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow request objects in MongoDB filters, `$where` and unescaped regular expressions',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          sanitizers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Callees, as written at the call (`cleanFilter`, `utils.escapeRegex`), whose result the rule treats as safe request input.',
          },
        },
      },
    ],
    defaultOptions: [{ sanitizers: [] }],
    messages: {
      operatorInjection:
        '`{{operation}}` compares a field with {{input}} as sent, so a request with `{ "$ne": null }` in its place matches any document: logins without a password, other users\' records. Convert the value (`String(x)`), validate it with a schema, or compare with `{ $eq: x }`.',
      requestFilter:
        '`{{operation}}` uses {{input}} as the whole filter, so a request can add any condition (`{ "password": { "$ne": null } }`, `$where`) and reach documents it should not. Build the filter from validated fields.',
      whereInjection:
        '`$where` runs JavaScript built from {{input}} inside the database, so a request can make every document match or stall the database with an endless loop. Use query operators instead of `$where`.',
      regexInjection:
        'This regular expression is built from {{input}} without escaping, so a request can match every record with `.*` or freeze the server with a catastrophic pattern (ReDoS). Escape the input (`escape-string-regexp`, `_.escapeRegExp`) first.',
      useEq: 'Compare with `{ $eq: … }`, which treats the value as data.',
    },
  },
  create(context, [{ sanitizers }]) {
    const text = context.sourceCode.text;
    if (isInTestFile(context) || !/mongo|\$where|\$regex|RegExp/.test(text)) return {};
    const dependencies = getProjectFacts(context)?.dependencies ?? [];
    const checkOperators = !SANITIZING_MIDDLEWARE.some((name) => dependencies.includes(name));
    const seen = new WeakSet<TSESTree.Node>();
    const usesExpressValidator = text.includes('express-validator');

    function getInput(node: TSESTree.Node, sink: 'code' | 'nosql' | 'regex'): string | undefined {
      const taint = getTaint(context, node, { sink, sanitizers });
      return taint && getRequestSourceLabel(taint.kind);
    }

    function reportOnce(node: TSESTree.Node, messageId: MessageIds, data: Record<string, string>, eq = false): void {
      if (seen.has(node)) return;
      seen.add(node);
      context.report({
        node,
        messageId,
        data,
        suggest: eq
          ? [{ messageId: 'useEq', data, fix: (fixer) => fixer.replaceText(node, `{ $eq: ${context.sourceCode.getText(node)} }`) }]
          : [],
      });
    }

    /** A filter document: whole-request filters, then each field. */
    function checkFilter(node: TSESTree.Node, operation: string): void {
      const filter = unwrapExpression(node);
      const local = filter.type === AST_NODE_TYPES.Identifier ? getLocalObject(context, filter) : undefined;
      if (filter.type === AST_NODE_TYPES.ObjectExpression || local) {
        const object = local?.init ?? (filter as TSESTree.ObjectExpression);
        for (const property of object.properties) {
          if (property.type === AST_NODE_TYPES.SpreadElement) {
            const input = checkOperators ? getInput(property.argument, 'nosql') : undefined;
            if (input) reportOnce(property.argument, 'requestFilter', { operation, input });
          } else {
            checkField(getStaticPropertyName(property), property.value, operation);
          }
        }
        for (const assignment of local?.assignments ?? []) checkField(assignment.key, assignment.value, operation);
        return;
      }
      const input = checkOperators ? getInput(filter, 'nosql') : undefined;
      if (input) reportOnce(node, 'requestFilter', { operation, input });
    }

    function checkField(key: string | undefined, node: TSESTree.Node, operation: string): void {
      const value = unwrapExpression(node);
      if (key === '$where' || key === '$regex') return; // reported wherever they are written
      if (key !== undefined && LOGICAL_OPERATORS.has(key) && value.type === AST_NODE_TYPES.ArrayExpression) {
        for (const element of value.elements) if (element) checkFilter(element, operation);
        return;
      }
      // Other operators (`$eq`, `$in`, `$gt`) compare their value as data; `{ $regex: x }` is checked on its own.
      if (key?.startsWith('$') || value.type === AST_NODE_TYPES.ObjectExpression) return;
      const input = checkOperators ? getInput(value, 'nosql') : undefined;
      if (input && !isCheckedByExpressValidator(node)) reportOnce(node, 'operatorInjection', { operation, input }, true);
    }

    return {
      CallExpression(node): void {
        if (isRegExpConstructor(context, node)) {
          checkRegExp(node);
          return;
        }
        const access = getDataAccess(context, node);
        if (access?.library !== 'mongoose' && access?.library !== 'mongodb') return;
        const call = access.steps.find((step) => step.name === access.operation)?.call;
        if (!call) return;
        const argument = FILTER_OPERATIONS.has(access.operation)
          ? call.arguments[0]
          : access.operation === 'distinct'
            ? call.arguments[1]
            : undefined;
        if (argument && argument.type !== AST_NODE_TYPES.SpreadElement) checkFilter(argument, access.operation);
        if (access.operation === 'aggregate') checkPipeline(call.arguments[0], access.operation);
      },
      NewExpression(node): void {
        if (isRegExpConstructor(context, node)) checkRegExp(node);
      },
      'Property[key.name="$where"], Property[key.value="$where"]'(node: TSESTree.Property): void {
        if (node.value.type === AST_NODE_TYPES.Literal) return;
        const input = getInput(node.value, 'code');
        if (input) reportOnce(node.value, 'whereInjection', { input });
      },
      'Property[key.name="$regex"], Property[key.value="$regex"]'(node: TSESTree.Property): void {
        const input = getInput(node.value, 'regex');
        if (input) reportOnce(node.value, 'regexInjection', { input });
      },
    };

    /**
     * express-validator chains (`check('email').isEmail()`) reject objects before a handler that reads
     * `validationResult(req)` goes on; which fields they cover is not tracked.
     */
    function isCheckedByExpressValidator(node: TSESTree.Node): boolean {
      if (!usesExpressValidator) return false;
      for (let fn = getEnclosingFunction(node); fn; fn = getEnclosingFunction(fn)) {
        if (context.sourceCode.getText(fn).includes('validationResult(')) return true;
      }
      return false;
    }

    function checkRegExp(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const [pattern] = node.arguments;
      if (!pattern || pattern.type === AST_NODE_TYPES.SpreadElement) return;
      const input = getInput(pattern, 'regex');
      if (input) reportOnce(pattern, 'regexInjection', { input });
    }

    /** `aggregate([{ $match: filter }, …])`. */
    function checkPipeline(node: TSESTree.Node | undefined, operation: string): void {
      const pipeline = node && unwrapExpression(node);
      if (pipeline?.type !== AST_NODE_TYPES.ArrayExpression) return;
      for (const stage of pipeline.elements) {
        if (stage?.type !== AST_NODE_TYPES.ObjectExpression) continue;
        for (const property of stage.properties) {
          if (property.type === AST_NODE_TYPES.Property && getStaticPropertyName(property) === '$match') {
            checkFilter(property.value, operation);
          }
        }
      }
    }
  },
});

interface LocalObject {
  readonly init: TSESTree.ObjectExpression;
  /** `filter.status = value` and `filter['status'] = value` after the declaration. */
  readonly assignments: readonly { key: string | undefined; value: TSESTree.Node }[];
}

/** `const filter = { … }` built in this file, with the fields assigned to it later. */
function getLocalObject(context: Context, identifier: TSESTree.Identifier): LocalObject | undefined {
  const variable = findVariable(context, identifier);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || def.node.id !== def.name || !def.node.init) {
    return undefined;
  }
  const init = unwrapExpression(def.node.init);
  if (init.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  if (variable.references.some((reference) => reference.isWrite() && reference.writeExpr !== def.node.init)) return undefined;
  const assignments: { key: string | undefined; value: TSESTree.Node }[] = [];
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const assignment = member.parent;
    if (assignment.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === member && assignment.operator === '=') {
      assignments.push({ key: getStaticPropertyName(member), value: assignment.right });
    }
  }
  return { init, assignments };
}

/** `new RegExp(x)` or `RegExp(x)`, the global constructor. */
function isRegExpConstructor(context: Context, node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'RegExp' || node.arguments.length === 0) return false;
  const origin = getOrigin(context, callee);
  return origin?.source === 'global' && origin.path.join('.') === 'RegExp';
}
