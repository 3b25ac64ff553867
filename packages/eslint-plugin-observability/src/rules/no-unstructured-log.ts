import {
  AST_NODE_TYPES,
  getLogCall,
  getStaticPropertyName,
  isErrorBinding,
  isInTestFile,
  type LogCall,
  type LogLibrary,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ checkConstants: boolean }];
export type MessageIds = 'interpolatedMessage' | 'moveToFields';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

// Loggers that take structured fields beside the message; console, NestJS `Logger`, log4js and `debug` do not.
const FIELD_LIBRARIES: ReadonlySet<LogLibrary> = new Set(['pino', 'fastify', 'bunyan', 'winston', 'logtape']);
const LIBRARY_NAMES: Readonly<Partial<Record<LogLibrary, string>>> = {
  pino: 'pino',
  fastify: 'pino (Fastify)',
  bunyan: 'bunyan',
  winston: 'winston',
  logtape: 'LogTape',
};
const CONSTANT_NAME = /^[A-Z][A-Z\d_]*$/;

interface Part {
  readonly text?: string;
  readonly value?: TSESTree.Node;
}

interface Field {
  readonly key: string;
  readonly value: TSESTree.Node;
}

export default createRule<Options, MessageIds>({
  name: 'no-unstructured-log',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow building log messages from values with template literals or concatenation when the logger takes fields',
      recommended: 'strict',
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkConstants: {
            type: 'boolean',
            description:
              'Also report messages whose only interpolated values are constants: `UPPER_CASE` names, `process.env` reads and formatters applied to literals (`${SERVICE_NAME} started`).',
          },
        },
      },
    ],
    defaultOptions: [{ checkConstants: false }],
    messages: {
      interpolatedMessage:
        'This log message is built from values, so every record is a different string and log search cannot filter, group or alert on those values. Pass them as {{library}} fields and keep the message constant.',
      moveToFields: 'Move the interpolated values into fields: {{fields}}.',
    },
  },
  create(context, [{ checkConstants }]) {
    const { text } = context.sourceCode;
    if (isInTestFile(context) || (!text.includes('`') && !text.includes('+'))) return {};

    return {
      CallExpression(node): void {
        // Cheap guard: some argument must be a template literal or a concatenation.
        if (!node.arguments.some(isBuiltString)) return;
        const log = getLogCall(context, node);
        if (!log?.message || !FIELD_LIBRARIES.has(log.library)) return;
        const parts = getParts(log.message);
        if (!parts) return;
        const values = parts.filter((part) => part.value !== undefined);
        if (values.length === 0 || (!checkConstants && values.every((part) => isConstant(part.value)))) return;
        const library = LIBRARY_NAMES[log.library] ?? log.library;
        const suggestion = getSuggestion(context, log, node, parts);
        context.report({
          node: log.message,
          messageId: 'interpolatedMessage',
          data: { library },
          suggest: suggestion ? [{ messageId: 'moveToFields', data: { fields: suggestion.fields }, fix: suggestion.fix }] : [],
        });
      },
    };
  },
});

function isBuiltString(argument: TSESTree.Node): boolean {
  const node = unwrapExpression(argument);
  return (
    (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length > 0) ||
    (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+')
  );
}

/** The message as text pieces and interpolated values; `undefined` when it is not built from a string. */
function getParts(input: TSESTree.Node): Part[] | undefined {
  const node = unwrapExpression(input);
  if (node.type === AST_NODE_TYPES.TemplateLiteral) {
    const parts: Part[] = [];
    node.quasis.forEach((quasi, index) => {
      if (quasi.value.cooked) parts.push({ text: quasi.value.cooked });
      const expression = node.expressions[index];
      if (expression) parts.push(...(getParts(expression) ?? [{ value: expression }]));
    });
    return parts;
  }
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return [{ text: node.value }];
  if (node.type !== AST_NODE_TYPES.BinaryExpression || node.operator !== '+') return undefined;
  const left = getParts(node.left);
  const right = getParts(node.right);
  // `count + 1` is arithmetic; a concatenation has a string on one side.
  if (!left && !right) return undefined;
  return [...(left ?? [{ value: node.left }]), ...(right ?? [{ value: node.right }])];
}

/** `SERVICE_NAME`, `config.PORT`, `process.env.NODE_ENV`, `colors.green('OK')`: the same in every record of this call. */
function isConstant(node: TSESTree.Node | undefined): boolean {
  const value = node && unwrapExpression(node);
  switch (value?.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.Identifier:
      return CONSTANT_NAME.test(value.name);
    case AST_NODE_TYPES.MemberExpression: {
      const object = unwrapExpression(value.object);
      const isEnv =
        object.type === AST_NODE_TYPES.MemberExpression &&
        object.object.type === AST_NODE_TYPES.Identifier &&
        object.object.name === 'process' &&
        getStaticPropertyName(object) === 'env';
      return isEnv || CONSTANT_NAME.test(getStaticPropertyName(value) ?? '');
    }
    case AST_NODE_TYPES.LogicalExpression:
      return isConstant(value.left) && isConstant(value.right);
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.every((expression) => isConstant(expression));
    case AST_NODE_TYPES.CallExpression:
      // A formatter applied to constants (`chalk.green('OK')`).
      return value.arguments.length > 0 && value.arguments.every((argument) => isConstant(argument));
    default:
      return false;
  }
}

function getSuggestion(
  context: Context,
  log: LogCall,
  call: TSESTree.CallExpression,
  parts: readonly Part[],
): { fields: string; fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] } | undefined {
  const { sourceCode } = context;
  const message = log.message as TSESTree.Node;
  if (sourceCode.getCommentsInside(message).length > 0) return undefined;
  const fields: Field[] = [];
  for (const part of parts) {
    if (!part.value) continue;
    const field = getField(context, part.value);
    if (!field) return undefined;
    if (!fields.some((existing) => existing.key === field.key)) fields.push(field);
  }
  const isLogTape = log.library === 'logtape';
  const text = parts
    .map((part) => {
      if (part.text !== undefined) return isLogTape ? part.text.replaceAll('{', '{{').replaceAll('}', '}}') : part.text;
      return isLogTape ? `{${getField(context, part.value as TSESTree.Node)?.key}}` : ' ';
    })
    .join('');
  const constant = isLogTape ? text : text.replaceAll(/\s+/g, ' ').trim().replace(/[\s:=,-]+$/, '');
  if (constant === '') return undefined;
  const properties = fields.map((field) => (field.key === sourceCode.getText(field.value) ? field.key : `${field.key}: ${sourceCode.getText(field.value)}`));
  const fieldsText = `{ ${properties.join(', ')} }`;
  const quoted = quote(constant);
  const index = call.arguments.indexOf(message as TSESTree.CallExpressionArgument);
  if (index === -1) return undefined;
  const objectFirst = log.library === 'pino' || log.library === 'fastify' || log.library === 'bunyan';
  if (objectFirst) {
    // `(fields?, message, ...printf arguments)`: only rewrite the plain shapes.
    if (index !== call.arguments.length - 1) return undefined;
    const before = call.arguments[index - 1];
    if (before) {
      const merged = mergeInto(sourceCode, before, properties);
      return merged && { fields: fieldsText, fix: (fixer) => [merged(fixer), fixer.replaceText(message, quoted)] };
    }
    return { fields: fieldsText, fix: (fixer) => [fixer.replaceText(message, `${fieldsText}, ${quoted}`)] };
  }
  // winston and LogTape: `(message, meta?)`.
  const after = call.arguments[index + 1];
  if (call.arguments.length > index + 2) return undefined;
  if (after) {
    const merged = mergeInto(sourceCode, after, properties);
    return merged && { fields: fieldsText, fix: (fixer) => [fixer.replaceText(message, quoted), merged(fixer)] };
  }
  return { fields: fieldsText, fix: (fixer) => [fixer.replaceText(message, `${quoted}, ${fieldsText}`)] };
}

/** Insert properties into an existing object literal argument. */
function mergeInto(
  sourceCode: Readonly<TSESLint.SourceCode>,
  argument: TSESTree.Node,
  properties: readonly string[],
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  const object = unwrapExpression(argument);
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const last = object.properties.at(-1);
  if (!last) return (fixer) => fixer.replaceText(object, `{ ${properties.join(', ')} }`);
  const next = sourceCode.getTokenAfter(last);
  const target = next?.value === ',' ? next : last;
  return (fixer) => fixer.insertTextAfter(target, `${target === last ? ',' : ''} ${properties.join(', ')}`);
}

/** A field name for an interpolated value: `userId` → `userId`, `order.id` → `orderId`, `err.message` → `err`. */
function getField(context: Context, input: TSESTree.Node): Field | undefined {
  const node = unwrapExpression(input);
  if (node.type === AST_NODE_TYPES.Identifier) return { key: node.name, value: node };
  if (node.type === AST_NODE_TYPES.CallExpression) {
    // `JSON.stringify(order)`, `String(id)`: the field carries the value itself.
    const callee = unwrapExpression(node.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : undefined;
    const [argument] = node.arguments;
    if ((name === 'stringify' || name === 'String') && argument && node.arguments.length === 1) return getField(context, argument);
    return undefined;
  }
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property = getStaticPropertyName(node);
  if (property === undefined) return undefined;
  // `${err.message}`: log the error itself, under the serializer's key.
  if ((property === 'message' || property === 'stack') && isErrorBinding(context, node.object)) {
    return { key: 'err', value: unwrapExpression(node.object) };
  }
  const object = unwrapExpression(node.object);
  const owner =
    object.type === AST_NODE_TYPES.Identifier
      ? object.name
      : object.type === AST_NODE_TYPES.MemberExpression
        ? getStaticPropertyName(object)
        : object.type === AST_NODE_TYPES.ThisExpression
          ? ''
          : undefined;
  if (owner === undefined || !/^[A-Za-z_$][\w$]*$/.test(property)) return undefined;
  const key = owner === '' ? property : `${owner}${property.charAt(0).toUpperCase()}${property.slice(1)}`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? { key, value: node } : undefined;
}

/** The constant message as a single-quoted string literal. */
function quote(text: string): string {
  return `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`;
}
