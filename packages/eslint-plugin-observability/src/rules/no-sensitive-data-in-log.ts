import {
  allowOptionSchema,
  AST_NODE_TYPES,
  getLogCall,
  getRequestSource,
  getRequestSourceLabel,
  getStaticPropertyName,
  isCommandLineModule,
  isInTestFile,
  type LogCall,
  type RequestSourceKind,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'requestData' | 'sensitiveValue';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

// Whole containers of client-sent input: they carry the `Authorization` header, cookies and passwords.
const WHOLE_KINDS = new Set<RequestSourceKind>(['body', 'headers', 'cookies', 'json', 'form']);
const CONTAINER_PROPERTIES = new Set(['body', 'headers', 'header', 'cookies', 'signedCookies']);
const CONTAINER_CALLS = new Set(['json', 'formData', 'parseBody', 'text']);
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'jwt',
  'authorization',
  'cookie',
  'cookies',
  'credentials',
  'apikey',
  'ssn',
  'cvv',
  'cvc',
]);
// `pageToken`, `nextToken`: pagination cursors, not credentials; `maxToken(s)`: LLM budgets.
const HARMLESS_TOKEN_PREFIXES = new Set(['page', 'next', 'continuation', 'cursor', 'sync', 'cancellation', 'max', 'total']);
const KEY_PREFIXES = new Set(['api', 'private', 'secret', 'access', 'signing', 'encryption', 'master']);
const HEADER_READERS = new Set(['get', 'header', 'getHeader']);
const TEXT_CONVERTERS = new Set(['String', 'JSON.stringify']);
const redactCache = new WeakMap<TSESLint.SourceCode, ReadonlySet<string>>();

export default createRule<Options, MessageIds>({
  name: 'no-sensitive-data-in-log',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow passwords, tokens, API keys, cookies and whole request bodies or headers in log calls',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { ...allowOptionSchema, description: 'Property and variable names that are never reported (`csrfToken`).' },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      sensitiveValue:
        '`{{name}}` is written to the log, so the credential ends up in log storage, readable by everyone with log access for as long as logs are kept. Leave it out or log a redacted form.',
      requestData:
        'This log call writes {{source}} whole, so the passwords, tokens and cookies clients send end up in log storage. Log the specific fields you need.',
    },
  },
  create(context, [{ allow }]) {
    if (isInTestFile(context)) return {};
    const allowed = new Set(allow);

    return {
      CallExpression(node): void {
        const log = getLogCall(context, node);
        // A CLI prints a generated password to the operator on purpose; its console is not a log.
        if (!log || (log.library === 'console' && isCommandLineModule(context))) return;
        const redacted = isRedactingLibrary(log) ? getRedactedNames(context) : new Set<string>();
        const isReported = (name: string): boolean => !allowed.has(name) && !redacted.has(name) && isSensitiveName(name);
        for (const arg of log.args) checkValue(context, arg, isReported);
      },
    };
  },
});

function checkValue(context: Context, input: TSESTree.Node, isReported: (name: string) => boolean): void {
  const node = unwrapExpression(input);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const name = node.type === AST_NODE_TYPES.Identifier ? node.name : getStaticPropertyName(node);
      if (name !== undefined && isReported(name)) {
        context.report({ node, messageId: 'sensitiveValue', data: { name } });
        return;
      }
      reportWholeRequestData(context, node);
      return;
    }
    case AST_NODE_TYPES.CallExpression:
      checkCall(context, node, isReported);
      return;
    case AST_NODE_TYPES.AwaitExpression:
      checkValue(context, node.argument, isReported);
      return;
    case AST_NODE_TYPES.TemplateLiteral:
      for (const expression of node.expressions) checkValue(context, expression, isReported);
      return;
    case AST_NODE_TYPES.BinaryExpression:
      if (node.operator === '+') {
        checkValue(context, node.left, isReported);
        checkValue(context, node.right, isReported);
      }
      return;
    case AST_NODE_TYPES.LogicalExpression:
      checkValue(context, node.left, isReported);
      checkValue(context, node.right, isReported);
      return;
    case AST_NODE_TYPES.ConditionalExpression:
      checkValue(context, node.consequent, isReported);
      checkValue(context, node.alternate, isReported);
      return;
    case AST_NODE_TYPES.ArrayExpression:
      for (const element of node.elements) if (element) checkValue(context, element, isReported);
      return;
    case AST_NODE_TYPES.SpreadElement:
      checkValue(context, node.argument, isReported);
      return;
    case AST_NODE_TYPES.ObjectExpression:
      for (const property of node.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) {
          checkValue(context, property.argument, isReported);
          continue;
        }
        const key = getStaticPropertyName(property);
        if (key !== undefined && isReported(key) && carriesValue(property.value)) {
          context.report({ node: property, messageId: 'sensitiveValue', data: { name: key } });
        } else {
          checkValue(context, property.value, isReported);
        }
      }
      return;
    default:
  }
}

/** `req.get('authorization')`, `headers.get('cookie')`, `String(token)`, `await request.json()`. */
function checkCall(context: Context, node: TSESTree.CallExpression, isReported: (name: string) => boolean): void {
  const callee = unwrapExpression(node.callee);
  const calleeName = getCalleeName(callee);
  if (calleeName !== undefined && TEXT_CONVERTERS.has(calleeName)) {
    if (node.arguments[0]) checkValue(context, node.arguments[0], isReported);
    return;
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
  const method = getStaticPropertyName(callee);
  const [first] = node.arguments;
  if (
    method !== undefined &&
    HEADER_READERS.has(method) &&
    first?.type === AST_NODE_TYPES.Literal &&
    typeof first.value === 'string' &&
    isReported(first.value)
  ) {
    context.report({ node, messageId: 'sensitiveValue', data: { name: first.value } });
    return;
  }
  if (method !== undefined && CONTAINER_CALLS.has(method)) reportWholeRequestData(context, node);
}

function reportWholeRequestData(context: Context, node: TSESTree.Node): void {
  if (!isWholeContainer(context, node)) return;
  const source = getRequestSource(context, node);
  if (!source || !WHOLE_KINDS.has(source.kind)) return;
  context.report({ node, messageId: 'requestData', data: { source: getRequestSourceLabel(source.kind) } });
}

/** `req.body`, `request.headers`, `await c.req.json()`, or a variable holding one — not a field read from it. */
function isWholeContainer(context: Context, node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = getStaticPropertyName(node);
    return name !== undefined && CONTAINER_PROPERTIES.has(name);
  }
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(node.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? getStaticPropertyName(callee) : undefined;
    return name !== undefined && CONTAINER_CALLS.has(name);
  }
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = context.sourceCode.getScope(node).references.find((reference) => reference.identifier === node)?.resolved;
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return false;
  const binding = def.name.parent;
  // `({ body }, res) => …`, `const { headers } = req`
  if (binding?.type === AST_NODE_TYPES.Property && binding.parent.type === AST_NODE_TYPES.ObjectPattern) {
    const key = getStaticPropertyName(binding);
    return key !== undefined && CONTAINER_PROPERTIES.has(key);
  }
  if (def.type === 'Parameter') return def.name === def.node.params.find((param) => param === def.name || isDecorated(param, def.name));
  if (def.type === 'Variable' && def.node.id === def.name && def.node.init) {
    const init = unwrapExpression(def.node.init);
    const value = init.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(init.argument) : init;
    return value.type !== AST_NODE_TYPES.Identifier && isWholeContainer(context, value);
  }
  return false;
}

/** NestJS `@Body() dto`: the parameter is the identifier itself. */
function isDecorated(param: TSESTree.Node, name: TSESTree.Node): boolean {
  return param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter === name : false;
}

function getCalleeName(callee: TSESTree.Node): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const property = getStaticPropertyName(callee);
    return property && `${callee.object.name}.${property}`;
  }
  return undefined;
}

/** `{ password: '[redacted]' }`, `{ token: !!token }`, `{ apiKey: mask(apiKey) }` log no credential. */
function carriesValue(input: TSESTree.Node): boolean {
  const node = unwrapExpression(input);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return false;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.length > 0;
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === '+';
    case AST_NODE_TYPES.ConditionalExpression:
      return carriesValue(node.consequent) || carriesValue(node.alternate);
    case AST_NODE_TYPES.CallExpression: {
      const name = getCalleeName(unwrapExpression(node.callee));
      return name !== undefined && TEXT_CONVERTERS.has(name);
    }
    case AST_NODE_TYPES.MemberExpression:
      return getStaticPropertyName(node) !== 'length';
    default:
      return true;
  }
}

/** Names that hold a credential: `password`, `accessToken`, `API_KEY`, `clientSecret`, `authorization`. */
function isSensitiveName(name: string): boolean {
  const words = name
    .replaceAll(/([a-z\d])([A-Z])/g, '$1 $2')
    .replaceAll(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter(Boolean);
  const last = words.at(-1);
  const previous = words.at(-2);
  if (last === undefined) return false;
  if (last === 'token') return previous === undefined || !HARMLESS_TOKEN_PREFIXES.has(previous);
  if (SECRET_WORDS.has(last)) return true;
  if (last === 'key') return previous !== undefined && KEY_PREFIXES.has(previous);
  if (last === 'hash' || last === 'salt') return previous === 'password';
  if (last === 'header') return previous === 'auth' || previous === 'authorization' || previous === 'cookie';
  if (last === 'number') return previous === 'card';
  return false;
}

function isRedactingLibrary(log: LogCall): boolean {
  return log.library === 'pino' || log.library === 'fastify';
}

/** Field names a `redact` option in this file removes (pino, Fastify's `logger`): `'req.headers.authorization'` → `authorization`. */
function getRedactedNames(context: Context): ReadonlySet<string> {
  const { sourceCode } = context;
  const cached = redactCache.get(sourceCode);
  if (cached) return cached;
  const names = new Set<string>();
  if (sourceCode.text.includes('redact')) {
    const stack: TSESTree.Node[] = [sourceCode.ast];
    while (stack.length > 0) {
      const node = stack.pop() as TSESTree.Node;
      if (node.type === AST_NODE_TYPES.Property && getStaticPropertyName(node) === 'redact') collectRedactPaths(node.value, names);
      for (const key of sourceCode.visitorKeys[node.type] ?? []) {
        const value = (node as unknown as Record<string, unknown>)[key];
        for (const child of Array.isArray(value) ? value : [value]) {
          if (typeof child === 'object' && child !== null && typeof (child as { type?: unknown }).type === 'string') {
            stack.push(child as TSESTree.Node);
          }
        }
      }
    }
  }
  redactCache.set(sourceCode, names);
  return names;
}

function collectRedactPaths(input: TSESTree.Node, names: Set<string>): void {
  const node = unwrapExpression(input);
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of node.elements) {
      if (element?.type === AST_NODE_TYPES.Literal && typeof element.value === 'string') {
        const last = element.value.split(/[.[\]"']+/).findLast(Boolean);
        if (last) names.add(last);
      }
    }
  } else if (node.type === AST_NODE_TYPES.ObjectExpression) {
    const paths = node.properties.find(
      (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && getStaticPropertyName(property) === 'paths',
    );
    if (paths) collectRedactPaths(paths.value, names);
  }
}
