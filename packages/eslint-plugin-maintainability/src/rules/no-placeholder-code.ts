import {
  allowOptionSchema,
  AST_NODE_TYPES,
  CALL,
  getOrigin,
  isGeneratedFile,
  getRelativeFilename,
  isTestFile,
  NEW,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'stubThrow' | 'placeholderBody' | 'emptyHandler' | 'standInComment' | 'elidedCode' | 'sampleDataReturn';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

// An error message that says the code is missing, not that an input is unsupported.
// An error message that is nothing but "not implemented" (optionally naming the method), or a TODO.
const STUB_MESSAGE =
  /^\W*(?:[\w.#]+(?:\(\))?\s+)?(?:is\s+)?(?:still\s+)?(?:not\s+(?:yet\s+)?implemented|unimplemented)(?:\s+yet)?\W*$|^\W*(?:TODO|FIXME|TBD)\b|^\W*implement\s+(?:me|this|later)\b|^\W*(?:[\w.#]+\s+)?(?:to\s+be\s+implemented|coming\s+soon)\W*$/i;
// …a base class telling subclasses to override, or a deliberate "unsupported for X".
const DELIBERATE_MESSAGE = /\bsub-?class|\boverrid|\babstract\b|\bmust\s+(?:be\s+)?implement|\bshould\s+(?:be\s+)?implement|\bderived\b|\bchild\s+class|\bnot\s+(?:yet\s+)?implemented\s+(?:for|in|on|by|when|with|under)\b/i;
const STUB_CLASS = /^NotImplemented/;

// A comment that stands where an implementation should be.
const PLACEHOLDER_MARKER =
  /\b(?:TODO|FIXME|XXX|TBD)\b|^\W*implement\b|\b(?:to|then|and|please)\s+implement\b|\bimplement\s+(?:me|this|here|later|logic)\b|\bnot\s+(?:yet\s+)?implemented\b|\bneeds?\s+(?:an\s+)?implementation\b|\b(?:logic|code|implementation)\s+(?:goes\s+)?here\b|\byour\s+(?:code|logic|implementation)\b|^\s*\.{3}\s*$|\bstub\b|\bplaceholder\b/i;
// `TODO(#123)`, `TODO JIRA-42`, `FIXME: https://…`: tracked work, reported only when it is all the function has.
const TICKET_REFERENCE = /#\d+\b|\b[A-Z][A-Z0-9]+-\d+\b|https?:\/\//;

// Comments that say what follows is a demo version. Each pattern is one phrase family.
const STAND_IN_PHRASES = [
  /\bin\s+a\s+real(?:[- ]world)?\s+(?:app|application|implementation|project|system|scenario|world|codebase|environment|production)\b/i,
  /\bin\s+(?:a\s+)?production(?:\s+(?:environment|code|app|setting))?,?\s+(?:you|we|this|it|one)(?:'d|\s+would|\s+should|\s+might|\s+will|\s+must|\s+need|\s+can)\b/i,
  /\bin\s+production,?\s+(?:use|replace|switch|store|call|add|fetch|hash|validate)\b/i,
  /\breplace\s+(?:this|these|it)?\s*with\s+(?:a\s+|an\s+|the\s+|your\s+)?(?:real|actual|proper)\b/i,
  /\bsimplified\s+(?:for|version|example|implementation|logic|check|demo)\b(?!\s+of\b)|\bfor\s+(?:demo(?:nstration)?|illustration|example)\s+purposes\b|\bfor\s+the\s+sake\s+of\s+(?:this\s+|the\s+)?(?:example|demo|brevity)\b/i,
  /\b(?:mock|mocked|dummy|fake|placeholder|stub)\s+(?:implementation|logic)\b/i,
  /\b(?:just|simply)\b[^.;]{0,40}\bfor\s+now\b|\b(?:hard-?coded|mock(?:ed)?|dummy|fake|stub(?:bed)?|placeholder|in[- ]memory|simplified|naive)\b[^.;]{0,40}\bfor\s+now\b|\bfor\s+now,?\s+(?:we(?:'ll|\s+will)?\s+)?(?:just|simply|return|use|assume|hard-?code|mock|fake|pretend)\b/i,
  /\badd\s+(?:more|other|additional)\b[^.;]{0,30}\b(?:as\s+needed|if\s+needed|as\s+required|when\s+needed)\b/i,
  /\byour\s+(?:code|logic|implementation)\s+(?:goes\s+)?here\b/i,
  /\bTODO\b:?\s*(?:implement\s+(?:this\s+)?(?:properly|for\s+real)|(?:add|use|implement)\s+(?:a\s+|the\s+)?(?:real|actual|proper)|connect\s+to\s+(?:a\s+|the\s+)?(?:real|actual))\b/i,
];
// Markers an AI edit leaves where it dropped code it did not repeat.
const ELIDED_PHRASES = [
  /\b(?:rest\s+of\s+(?:the\s+)?(?:code|file|implementation|function|class|component|methods?|routes?|handlers?|logic)|(?:the\s+)?(?:existing|other|previous|remaining|unchanged)\s+(?:code|methods?|routes?|handlers?|logic|imports|functions?|properties|fields|config(?:uration)?))\b[^.;]{0,30}\b(?:unchanged|remains?|stays?|the\s+same|as\s+(?:before|is)|omitted)\b/i,
  /^\W*\.{2,}\s*(?:existing|rest\s+of|other|previous|remaining|unchanged)\b/i,
  /\b(?:omitted|truncated)\s+for\s+brevity\b/i,
];
// Every stand-in and elision phrase contains one of these; most comments are skipped on this test alone.
const COMMENT_KEYWORD = /real|production|replace|simplif|purposes|sake|mock|dummy|fake|placeholder|stub|now|add|your|TODO|rest|existing|other|previous|remaining|unchanged|\.\.|omitted|truncated/i;
// Comment words that tie a literal return value to being fake.
const SAMPLE_DATA_HINT = /\b(?:mock|dummy|fake|sample|hard-?coded|placeholder|stub(?:bed)?)\b|\bfor\s+now\b/i;
const LICENSE = /\b(?:copyright|licen[sc]e|SPDX)\b/i;
// Seed scripts, stories and fixtures: sample data and stand-ins on purpose, never served.
const NON_PRODUCTION_FILE = /(?:^|[\\/])(?:seeds?|mocks?|fixtures?|stories|storybook)[\\/]|\.(?:stories|mocks?|fixtures?|seed)\.[cm]?[jt]sx?$|(?:^|[\\/])seed\.[cm]?[jt]s$/;

const NEXT_ROUTE_EXPORTS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']);
const ROUTER_MODULES = new Set(['express', 'fastify', 'hono', 'koa-router', '@koa/router', 'restify']);

export default createRule<Options, MessageIds>({
  name: 'no-placeholder-code',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow placeholder implementations and AI leftover comments in production code',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowOptionSchema,
            description: 'Phrases (case-insensitive substrings of a comment or error message) never reported.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      stubThrow:
        'This code path throws a "not implemented" error: it is an unfinished stub, and the first request that reaches it in production fails.',
      placeholderBody:
        'This function has only a placeholder where its implementation should be, so callers silently get nothing instead of the behaviour its name promises.',
      emptyHandler:
        'This route handler is empty, so the request never gets a real response (Express leaves it hanging until the client times out, Next.js answers 500).',
      standInComment:
        'This comment says the code beside it is a stand-in ("{{phrase}}"): what ships is the demo version, not the production one.',
      elidedCode:
        'This comment marks code an edit left out ("{{phrase}}"): the code it stood for is missing from the file.',
      sampleDataReturn:
        'This function returns hard-coded sample data next to a placeholder comment, so production callers get the same fake records on every call.',
    },
  },
  create(context, [{ allow }]) {
    const { sourceCode } = context;
    const filename = getRelativeFilename(context);
    if (isTestFile(filename) || NON_PRODUCTION_FILE.test(filename) || isGeneratedFile(context)) return {};
    const allowed = allow.map((phrase) => phrase.toLowerCase());
    const isAllowed = (text: string): boolean => allowed.some((phrase) => text.toLowerCase().includes(phrase));
    // Comments already explained by a `sampleDataReturn` report.
    const consumed = new Set<TSESTree.Comment>();
    const functions: { node: FunctionNode; returns: TSESTree.ReturnStatement[] }[] = [];

    function checkBody(node: FunctionNode, returns: readonly TSESTree.ReturnStatement[]): void {
      if (node.body.type !== AST_NODE_TYPES.BlockStatement) return;
      const { body } = node;
      if (body.body.every(isTrivialReturn)) {
        const comments = sourceCode.getCommentsInside(body);
        if (comments.length === 0) {
          if (body.body.length === 0 && isRouteHandler(node)) context.report({ node: body, messageId: 'emptyHandler' });
          return;
        }
        const onlyComments = body.body.length === 0;
        const placeholder = comments.some(
          (comment) =>
            PLACEHOLDER_MARKER.test(comment.value) &&
            (onlyComments || !TICKET_REFERENCE.test(comment.value)) &&
            !isAllowed(comment.value),
        );
        if (placeholder) {
          context.report({ node: body, messageId: 'placeholderBody' });
          for (const comment of comments) consumed.add(comment);
        }
        return;
      }
      // Sample data: cheap AST shape first, comments only for a function that returns a literal record list.
      const samples = returns.filter((statement) => {
        const value = statement.argument ? getReturnedValue(statement.argument, node) : undefined;
        return value !== undefined && isSampleData(value);
      });
      if (samples.length === 0) return;
      const hints = [...sourceCode.getCommentsBefore(getStatement(node)), ...sourceCode.getCommentsInside(body)].filter(
        (comment) => SAMPLE_DATA_HINT.test(comment.value) && !isAllowed(comment.value),
      );
      if (hints.length === 0) return;
      for (const statement of samples) context.report({ node: statement.argument!, messageId: 'sampleDataReturn' });
      for (const hint of hints) consumed.add(hint);
    }

    return {
      ':function'(node: FunctionNode): void {
        functions.push({ node, returns: [] });
      },
      ':function:exit'(node: FunctionNode): void {
        const current = functions.pop();
        if (current) checkBody(node, current.returns);
      },
      ReturnStatement(node): void {
        functions.at(-1)?.returns.push(node);
      },
      ThrowStatement(node): void {
        const thrown = unwrapExpression(node.argument);
        if (thrown.type !== AST_NODE_TYPES.NewExpression && thrown.type !== AST_NODE_TYPES.CallExpression) return;
        const className = getErrorClassName(thrown);
        if (className === undefined) return;
        if (!STUB_CLASS.test(className)) {
          const message = getStaticString(thrown.arguments[0]);
          if (message === undefined || !STUB_MESSAGE.test(message) || DELIBERATE_MESSAGE.test(message)) return;
          if (isAllowed(message)) return;
        }
        if (isInAbstractClass(node)) return;
        if (!isErrorClass(context, thrown.callee, className)) return;
        context.report({ node, messageId: 'stubThrow' });
      },
      'Program:exit'(): void {
        for (const comment of sourceCode.getAllComments()) {
          if (!COMMENT_KEYWORD.test(comment.value) || consumed.has(comment) || LICENSE.test(comment.value)) continue;
          const elided = findPhrase(ELIDED_PHRASES, comment.value);
          if (elided !== undefined && !isAllowed(comment.value)) {
            context.report({ loc: comment.loc, messageId: 'elidedCode', data: { phrase: elided } });
            continue;
          }
          const standIn = findPhrase(STAND_IN_PHRASES, comment.value);
          if (standIn !== undefined && !isAllowed(comment.value)) {
            context.report({ loc: comment.loc, messageId: 'standInComment', data: { phrase: standIn } });
          }
        }
      },
    };

    function isRouteHandler(node: FunctionNode): boolean {
      const { parent } = node;
      // Next.js app router: `export async function GET() {}` / `export const POST = async () => {}`.
      if (node.type === AST_NODE_TYPES.FunctionDeclaration) {
        if (parent.type === AST_NODE_TYPES.ExportNamedDeclaration) return NEXT_ROUTE_EXPORTS.has(node.id?.name ?? '');
        if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return hasRequestResponseParams(node);
        return false;
      }
      if (
        parent.type === AST_NODE_TYPES.VariableDeclarator &&
        parent.id.type === AST_NODE_TYPES.Identifier &&
        parent.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration
      ) {
        return NEXT_ROUTE_EXPORTS.has(parent.id.name);
      }
      if (parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) return hasRequestResponseParams(node);
      // `app.get('/users', (req, res) => {})` on an Express/Fastify/Hono/Koa router instance.
      if (parent.type !== AST_NODE_TYPES.CallExpression || parent.arguments.at(-1) !== node || parent.arguments.length < 2) {
        return false;
      }
      const origin = getOrigin(context, parent.callee);
      if (!origin || !ROUTER_MODULES.has(origin.source)) return false;
      const method = origin.path.at(-1);
      const instance = origin.path.at(-2);
      return method !== undefined && ROUTE_METHODS.has(method) && (instance === CALL || instance === NEW);
    }
  },
});

function findPhrase(patterns: readonly RegExp[], text: string): string | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match[0].replace(/^\W+/, '').replace(/\s+/g, ' ').trim();
  }
  return undefined;
}

// The statement a function's leading comment sits on: `export`, `const x = () => {}` or the function itself.
function getStatement(node: FunctionNode): TSESTree.Node {
  let current: TSESTree.Node = node;
  if (current.parent?.type === AST_NODE_TYPES.VariableDeclarator) current = current.parent.parent;
  if (
    current.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    current.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration
  ) {
    current = current.parent;
  }
  return current;
}

function hasRequestResponseParams(node: FunctionNode): boolean {
  const [request, response] = node.params;
  return (
    request?.type === AST_NODE_TYPES.Identifier &&
    response?.type === AST_NODE_TYPES.Identifier &&
    /^req(?:uest)?$/.test(request.name) &&
    /^res(?:ponse)?$/.test(response.name)
  );
}

function isTrivialReturn(statement: TSESTree.Statement): boolean {
  if (statement.type !== AST_NODE_TYPES.ReturnStatement) return false;
  if (!statement.argument) return true;
  const value = unwrapExpression(statement.argument);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return value.value === null || value.value === false || value.value === '' || value.value === 0;
    case AST_NODE_TYPES.Identifier:
      return value.name === 'undefined';
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.length === 0;
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.length === 0;
    default:
      return false;
  }
}

// The returned expression, or the literal a local `const` it names was initialised with.
function getReturnedValue(argument: TSESTree.Expression, fn: FunctionNode): TSESTree.Node | undefined {
  const value = unwrapExpression(argument);
  if (value.type !== AST_NODE_TYPES.Identifier || fn.body.type !== AST_NODE_TYPES.BlockStatement) return value;
  for (const statement of fn.body.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const') continue;
    for (const declarator of statement.declarations) {
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === value.name && declarator.init) {
        return unwrapExpression(declarator.init);
      }
    }
  }
  return undefined;
}

// `[{ id: 1, name: 'John Doe' }]`, or one record with three or more literal fields.
function isSampleData(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    return (
      node.elements.length > 0 &&
      node.elements.every((element) => element?.type === AST_NODE_TYPES.ObjectExpression && isLiteralRecord(element)) &&
      node.elements.some((element) => element?.type === AST_NODE_TYPES.ObjectExpression && hasStringField(element))
    );
  }
  return (
    node.type === AST_NODE_TYPES.ObjectExpression && node.properties.length >= 3 && isLiteralRecord(node) && hasStringField(node)
  );
}

function isLiteralRecord(node: TSESTree.ObjectExpression): boolean {
  return (
    node.properties.length > 0 &&
    node.properties.every((property) => property.type === AST_NODE_TYPES.Property && !property.computed && isLiteralValue(property.value))
  );
}

function isLiteralValue(node: TSESTree.Node): boolean {
  const value = unwrapExpression(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.length === 0;
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.every((element) => element !== null && isLiteralValue(element));
    case AST_NODE_TYPES.ObjectExpression:
      return isLiteralRecord(value);
    case AST_NODE_TYPES.NewExpression:
      // `createdAt: new Date()` in a fake record.
      return value.callee.type === AST_NODE_TYPES.Identifier && value.callee.name === 'Date';
    default:
      return false;
  }
}

function hasStringField(node: TSESTree.ObjectExpression): boolean {
  return node.properties.some(
    (property) =>
      property.type === AST_NODE_TYPES.Property &&
      property.value.type === AST_NODE_TYPES.Literal &&
      typeof property.value.value === 'string',
  );
}

function getErrorClassName(node: TSESTree.NewExpression | TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier) {
    return callee.property.name;
  }
  return undefined;
}

// Global `Error` and its subclasses, or any class whose name says it is a not-implemented error.
function isErrorClass(context: AnyContext, callee: TSESTree.Node, className: string): boolean {
  if (STUB_CLASS.test(className)) return true;
  const origin = getOrigin(context, callee);
  return origin?.source === 'global' && origin.path.length === 1 && /Error$/.test(origin.path[0] ?? '');
}

function isInAbstractClass(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) {
      return current.abstract;
    }
  }
  return false;
}

function getStaticString(node: TSESTree.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}
