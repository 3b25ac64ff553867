import {
  AST_NODE_TYPES,
  findVariable,
  getOrigin,
  getRequestHandler,
  getRequestSourceLabel,
  getStaticPropertyName,
  getTaint,
  isFunctionLike,
  isInTestFile,
  type FunctionLike,
  type RequestSourceKind,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ checkUntrustedHtml: boolean; sanitizers: string[] }];
export type MessageIds = 'reflectedXss' | 'untrustedHtml';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

// Input an attacker controls through a link or a form they make a victim submit (`searchParams.get` decodes
// what the browser percent-encoded). Headers and cookies are not.
const ATTACKER_INPUT: ReadonlySet<RequestSourceKind> = new Set(['action-arg', 'body', 'form', 'json', 'params', 'query', 'url']);
const RESPONSE_METHODS = new Set(['send', 'write', 'end']);
// Calls that only configure the response: `res.status(200).send(…)`, `reply.type('text/html').send(…)`.
const RESPONSE_SETTERS = new Set(['status', 'code', 'type', 'header', 'set', 'setHeader', 'contentType']);
const DOM_HTML_PROPERTIES = new Set(['innerHTML', 'outerHTML']);
// HTML sanitizers and escapers by origin: `module:export path` (empty path = the module's default export).
const SANITIZERS = new Set([
  'dompurify:sanitize',
  'isomorphic-dompurify:sanitize',
  'isomorphic-dompurify:',
  'sanitize-html:',
  'xss:',
  'xss:filterXSS',
  'escape-html:',
  'he:encode',
  'he:escape',
  'lodash:escape',
  'lodash-es:escape',
  'lodash/escape:',
  'lodash.escape:',
  'validator:escape',
  'validator/lib/escape:',
  'es-toolkit:escape',
  'es-toolkit/compat:escape',
  'global:JSON.stringify',
]);
const localEscapers = new WeakMap<object, ReadonlySet<string>>();

export default createRule<Options, MessageIds>({
  name: 'no-xss',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow HTML built from request input or unsanitized values in responses and HTML sinks',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkUntrustedHtml: {
            type: 'boolean',
            description:
              'Also report `dangerouslySetInnerHTML`, `innerHTML`, `outerHTML`, `insertAdjacentHTML` and `document.write` given any non-constant value that no known sanitizer produced, not only request input.',
          },
          sanitizers: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Callees, as written at the call, whose result the rule treats as escaped or sanitized HTML.',
          },
        },
      },
    ],
    defaultOptions: [{ checkUntrustedHtml: false, sanitizers: [] }],
    messages: {
      reflectedXss:
        'This HTML contains {{input}} without escaping, so a crafted link or form runs the attacker\'s script in your users\' browsers with their session. Escape the value (`escape-html`, `he.encode`) or render through a template engine that escapes.',
      untrustedHtml:
        'This HTML is not a constant and no sanitizer produced it, so any user-supplied part of it runs as script in the browser. Sanitize it with `DOMPurify.sanitize` (or `sanitize-html`) or render it as text.',
    },
  },
  create(context, [{ checkUntrustedHtml, sanitizers }]) {
    if (isInTestFile(context) || !/send|write|end|html|HTML|body|Response/.test(context.sourceCode.text)) return {};
    const allSanitizers = (): string[] => [...sanitizers, ...getLocalEscapers(context)];

    function checkTainted(node: TSESTree.Node): boolean {
      const taint = getTaint(context, node, { sink: 'html', sanitizers: allSanitizers() });
      if (!taint || !ATTACKER_INPUT.has(taint.kind)) return false;
      context.report({ node, messageId: 'reflectedXss', data: { input: getRequestSourceLabel(taint.kind) } });
      return true;
    }

    function checkHtmlSink(node: TSESTree.Node): void {
      if (checkTainted(node) || !checkUntrustedHtml) return;
      if (isConstant(context, node) || isSanitized(context, node, new Set(allSanitizers()))) return;
      context.report({ node, messageId: 'untrustedHtml' });
    }

    return {
      CallExpression(node): void {
        const callee = unwrapExpression(node.callee);
        const argument = node.arguments[0];
        if (callee.type !== AST_NODE_TYPES.MemberExpression || !argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
        const method = getStaticPropertyName(callee);
        if (method === 'insertAdjacentHTML') {
          const html = node.arguments[1];
          if (html && html.type !== AST_NODE_TYPES.SpreadElement) checkHtmlSink(html);
          return;
        }
        if ((method === 'write' || method === 'writeln') && isDocument(context, callee.object)) {
          checkHtmlSink(argument);
          return;
        }
        if (method === 'html' || (method !== undefined && RESPONSE_METHODS.has(method))) {
          const response = getResponse(context, callee.object);
          if (!response) return;
          if (method === 'html') {
            if (response.framework === 'hono') checkTainted(argument);
            return;
          }
          const type = response.contentType;
          const sendsHtml = type === undefined ? response.framework !== 'fastify' : type.includes('html');
          if (sendsHtml && isMarkup(context, argument, new Set())) checkTainted(argument);
        }
      },
      NewExpression(node): void {
        const [body, init] = node.arguments;
        if (!body || body.type === AST_NODE_TYPES.SpreadElement || init?.type !== AST_NODE_TYPES.ObjectExpression) return;
        if (!hasHtmlContentType(init)) return;
        const origin = getOrigin(context, node.callee);
        if (origin?.source === 'global' && origin.path.join('.') === 'Response') checkTainted(body);
      },
      AssignmentExpression(node): void {
        const target = unwrapExpression(node.left);
        if (node.operator !== '=' || target.type !== AST_NODE_TYPES.MemberExpression) return;
        const property = getStaticPropertyName(target);
        if (property !== undefined && DOM_HTML_PROPERTIES.has(property)) {
          checkHtmlSink(node.right);
          return;
        }
        // Koa: `ctx.body = '<p>…</p>'` is sent as `text/html`.
        if (property === 'body' && getResponse(context, target.object)?.framework === 'koa' && isMarkup(context, node.right, new Set())) {
          checkTainted(node.right);
        }
      },
      JSXAttribute(node): void {
        if (node.name.type !== AST_NODE_TYPES.JSXIdentifier || node.name.name !== 'dangerouslySetInnerHTML') return;
        if (node.value?.type !== AST_NODE_TYPES.JSXExpressionContainer) return;
        const object = resolveValue(context, node.value.expression);
        if (object?.type !== AST_NODE_TYPES.ObjectExpression) return;
        const html = object.properties.find(
          (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && getPropertyKey(property) === '__html',
        );
        if (html) checkHtmlSink(html.value);
      },
    };
  },
});

interface Response {
  readonly framework: string;
  /** The `Content-Type` set in the call chain (`res.type('html').send(…)`), lower-cased. */
  readonly contentType?: string;
}

/**
 * The handler response that `object` is, after any configuring calls in the chain
 * (`res.status(200)`, `reply.type('text/html')`); `undefined` when it is not a handler's response parameter.
 */
function getResponse(context: Context, object: TSESTree.Node): Response | undefined {
  let contentType: string | undefined;
  let current = unwrapExpression(object);
  while (current.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrapExpression(current.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = getStaticPropertyName(callee);
    if (method === undefined || !RESPONSE_SETTERS.has(method)) return undefined;
    contentType ??= getContentType(method, current.arguments);
    current = unwrapExpression(callee.object);
  }
  if (current.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = findVariable(context, current)?.defs[0];
  if (def?.type !== 'Parameter' || !isFunctionLike(def.node)) return undefined;
  const handler = getRequestHandler(context, def.node);
  if (!handler || handler.responseParam !== def.name) return undefined;
  return { framework: handler.framework, ...(contentType === undefined ? {} : { contentType }) };
}

/** `type('text/html')`, `type('json')`, `header('Content-Type', 'text/plain')`, `set('content-type', …)`. */
function getContentType(method: string, args: readonly TSESTree.Node[]): string | undefined {
  const [first, second] = args.map((argument) => (argument.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string' ? argument.value.toLowerCase() : undefined));
  if (method === 'type' || method === 'contentType') return first;
  if (method === 'header' || method === 'set' || method === 'setHeader') return first === 'content-type' ? second : undefined;
  return undefined;
}

/** `{ headers: { 'content-type': 'text/html; charset=utf-8' } }` */
function hasHtmlContentType(init: TSESTree.ObjectExpression): boolean {
  const headers = init.properties.find(
    (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && getPropertyKey(property) === 'headers',
  );
  if (headers?.value.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return headers.value.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      getPropertyKey(property)?.toLowerCase() === 'content-type' &&
      property.value.type === AST_NODE_TYPES.Literal &&
      typeof property.value.value === 'string' &&
      property.value.value.toLowerCase().includes('html'),
  );
}

/** A string built with markup in it: a template or `+` with a literal part holding a tag (`<p>`, `</div>`). */
function isMarkup(context: Context, input: TSESTree.Node, seen: Set<TSESTree.Node>): boolean {
  const node = unwrapExpression(input);
  if (seen.has(node)) return false;
  seen.add(node);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === 'string' && hasTag(node.value);
    case AST_NODE_TYPES.TemplateLiteral:
      return node.quasis.some((quasi) => hasTag(quasi.value.cooked ?? quasi.value.raw)) || node.expressions.some((expression) => isMarkup(context, expression, seen));
    case AST_NODE_TYPES.BinaryExpression:
      return node.operator === '+' && (isMarkup(context, node.left, seen) || isMarkup(context, node.right, seen));
    case AST_NODE_TYPES.CallExpression: {
      // `card(title)` where `function card(t) { return \`<div>${t}</div>\`; }` is in this file
      const callee = unwrapExpression(node.callee);
      const fn = callee.type === AST_NODE_TYPES.Identifier ? getLocalFunction(context, callee) : undefined;
      if (!fn) return false;
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return isMarkup(context, fn.body, seen);
      return fn.body.body.some((statement) => statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument !== null && isMarkup(context, statement.argument, seen));
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = findVariable(context, node);
      if (!variable || variable.defs[0]?.type !== 'Variable') return false;
      return variable.references.some((reference) => reference.writeExpr !== null && reference.writeExpr !== undefined && isMarkup(context, reference.writeExpr, seen));
    }
    default:
      return false;
  }
}

function getLocalFunction(context: Context, callee: TSESTree.Identifier): FunctionLike | undefined {
  const def = findVariable(context, callee)?.defs[0];
  if (def?.type === 'FunctionName' && isFunctionLike(def.node)) return def.node;
  if (def?.type !== 'Variable' || !def.node.init) return undefined;
  const init = unwrapExpression(def.node.init);
  return isFunctionLike(init) ? init : undefined;
}

function hasTag(text: string): boolean {
  return /<\/?[a-z][\w-]*[\s/>]|<[a-z][\w-]*$/i.test(text);
}

/** `document.write` on the global `document`. */
function isDocument(context: Context, node: TSESTree.Node): boolean {
  const origin = getOrigin(context, node);
  if (origin?.source !== 'global') return false;
  const path = origin.path[0] === 'window' || origin.path[0] === 'globalThis' ? origin.path.slice(1) : origin.path;
  return path.length === 1 && path[0] === 'document';
}

/** A single-assignment `const` is followed to its value. */
function resolveValue(context: Context, input: TSESTree.Node): TSESTree.Node | undefined {
  const node = unwrapExpression(input);
  if (node.type !== AST_NODE_TYPES.Identifier) return node;
  const variable = findVariable(context, node);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || !def.node.init) return undefined;
  if (def.parent.kind !== 'const' || def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  return unwrapExpression(def.node.init);
}

function isConstant(context: Context, input: TSESTree.Node, depth = 0): boolean {
  const node = depth < 5 ? resolveValue(context, input) : undefined;
  if (!node) return false;
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return node.expressions.every((expression) => isConstant(context, expression, depth + 1));
    case AST_NODE_TYPES.BinaryExpression:
      return node.left.type !== AST_NODE_TYPES.PrivateIdentifier && isConstant(context, node.left, depth + 1) && isConstant(context, node.right, depth + 1);
    case AST_NODE_TYPES.ConditionalExpression:
      return isConstant(context, node.consequent, depth + 1) && isConstant(context, node.alternate, depth + 1);
    default:
      return false;
  }
}

/** Produced by a known HTML sanitizer or escaper (by origin), or by a callee named in `sanitizers`. */
function isSanitized(context: Context, input: TSESTree.Node, sanitizers: ReadonlySet<string>, depth = 0): boolean {
  const node = depth < 5 ? resolveValue(context, input) : undefined;
  if (!node) return false;
  if (node.type === AST_NODE_TYPES.AwaitExpression) return isSanitized(context, node.argument, sanitizers, depth + 1);
  if (node.type === AST_NODE_TYPES.ConditionalExpression) {
    return (
      (isConstant(context, node.consequent) || isSanitized(context, node.consequent, sanitizers, depth + 1)) &&
      (isConstant(context, node.alternate) || isSanitized(context, node.alternate, sanitizers, depth + 1))
    );
  }
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(node.callee);
  if (sanitizers.has(context.sourceCode.getText(callee))) return true;
  const origin = getOrigin(context, callee);
  if (!origin) return false;
  const path = origin.path.filter((step) => step !== '()' && step !== 'new' && step !== 'default');
  return SANITIZERS.has(`${origin.source}:${path.join('.')}`) || (path.length > 1 && SANITIZERS.has(`${origin.source}:${path.at(-1) ?? ''}`));
}

/**
 * Same-file functions that escape HTML: their body replaces `<` or `&` with an entity
 * (`s.replace(/&/g, '&amp;').replace(/</g, '&lt;')`, a `{ '<': '&lt;' }` map).
 */
function getLocalEscapers(context: Context): ReadonlySet<string> {
  const cached = localEscapers.get(context.sourceCode);
  if (cached) return cached;
  const names = new Set<string>();
  const { text } = context.sourceCode;
  if (text.includes('&lt;') || text.includes('&amp;') || text.includes('&#60;')) {
    for (const statement of context.sourceCode.ast.body) {
      const declaration =
        statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration ? statement.declaration : statement;
      if (declaration.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id && isEscaperBody(context, declaration)) {
        names.add(declaration.id.name);
      } else if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init && isFunctionLike(declarator.init) && isEscaperBody(context, declarator.init)) {
            names.add(declarator.id.name);
          }
        }
      }
    }
  }
  localEscapers.set(context.sourceCode, names);
  return names;
}

function isEscaperBody(context: Context, fn: TSESTree.Node): boolean {
  const body = context.sourceCode.getText(fn);
  return /&lt;|&#0*60;|&#x0*3c;/i.test(body) && /replace/.test(body);
}

function getPropertyKey(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string' ? property.key.value : undefined;
}
