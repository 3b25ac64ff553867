import {
  allowOptionSchema,
  AST_NODE_TYPES,
  findVariable,
  getHttpRequest,
  getMockCall,
  getOrigin,
  getProjectFacts,
  getRelativeFilename,
  getStaticPropertyName,
  isInTestFile,
  type TSESLint,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'realNetwork';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

// Libraries that intercept or replace outgoing requests; importing one (or having it in the project, where a
// setup file the rule cannot see may install it) means the requests in the file may never leave the process.
const MOCK_LIBRARIES = new Set([
  'msw', 'msw/node', 'msw/native', '@mswjs/interceptors', 'nock', 'fetch-mock', 'fetch-mock-jest', 'jest-fetch-mock',
  'vitest-fetch-mock', 'axios-mock-adapter', 'moxios', '@pollyjs/core', 'undici-mock', 'mock-fetch', 'fetch-vcr',
]);
// Modules whose mocking (`vi.mock('axios')`) replaces the HTTP client the file uses.
const HTTP_MODULES = new Set(['axios', 'node-fetch', 'cross-fetch', 'isomorphic-fetch', 'got', 'ky', 'undici', 'superagent', 'http', 'https']);
const GLOBAL_OBJECTS = new Set(['global', 'globalThis', 'window', 'self']);
// End-to-end, integration and smoke suites talk to real services on purpose.
const NON_UNIT_PATH = /(?:^|[/._-])(?:e2e|integration|int|smoke|contract|live|acceptance|system|playwright|cypress)(?:[/._-]|$)/i;
const URL_HOST = /^(?:https?|wss?):\/\/(?:[^/@?#]*@)?(\[[^\]]*\]|[^/:?#]*)/i;

export default createRule<Options, MessageIds>({
  name: 'no-real-network-in-test',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow requests to literal external URLs in unit tests without a mock server',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...allowOptionSchema,
            description:
              'Hosts the tests may reach (a test container, a stub server on the CI network); `*.example.org` matches every subdomain.',
          },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      realNetwork:
        'This test sends a real request to `{{host}}`, so it fails or hangs when that service is slow, down, rate-limits CI or changes its data, and it may act on a real account. Intercept it (msw, nock, undici `MockAgent`) or inject the client.',
    },
  },
  create(context, [{ allow }]) {
    // Text fast path: a literal external URL must appear.
    if (!/(?:https?|wss?):\/\//i.test(context.sourceCode.text)) return {};
    if (!isInTestFile(context) || NON_UNIT_PATH.test(getRelativeFilename(context))) return {};
    const candidates: { node: TSESTree.Node; host: string }[] = [];
    let mocked = false;

    return {
      ImportDeclaration(node): void {
        if (isMockSource(node.source.value)) mocked = true;
      },
      ImportExpression(node): void {
        if (node.source.type === AST_NODE_TYPES.Literal && typeof node.source.value === 'string' && isMockSource(node.source.value)) {
          mocked = true;
        }
      },
      AssignmentExpression(node): void {
        // `global.fetch = vi.fn()`, `globalThis.fetch = mockFetch`.
        const left = node.left;
        if (left.type === AST_NODE_TYPES.MemberExpression && getStaticPropertyName(left) === 'fetch') {
          const object = unwrapExpression(left.object);
          if (object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name)) mocked = true;
        }
      },
      CallExpression(node): void {
        if (mocked) return;
        if (isRequireOfMock(node) || isNetworkMock(context, node)) {
          mocked = true;
          return;
        }
        const url = getRequestUrl(context, node);
        if (!url) return;
        const host = getExternalHost(context, url);
        if (host !== undefined && !isAllowed(host, allow)) candidates.push({ node: url, host });
      },
      'Program:exit'(): void {
        if (mocked || candidates.length === 0) return;
        const dependencies = getProjectFacts(context)?.dependencies ?? [];
        if (dependencies.some(isMockSource)) return;
        for (const { node, host } of candidates) context.report({ node, messageId: 'realNetwork', data: { host } });
      },
    };
  },
});

function isMockSource(source: string): boolean {
  return MOCK_LIBRARIES.has(source) || source.startsWith('msw/') || source.startsWith('@pollyjs/');
}

function isRequireOfMock(node: TSESTree.CallExpression): boolean {
  const [arg] = node.arguments;
  return (
    node.callee.type === AST_NODE_TYPES.Identifier &&
    node.callee.name === 'require' &&
    arg?.type === AST_NODE_TYPES.Literal &&
    typeof arg.value === 'string' &&
    isMockSource(arg.value)
  );
}

/**
 * `vi.stubGlobal('fetch', …)`, `jest.spyOn(global, 'fetch')`, `vi.mock('axios')`, `new MockAgent()` /
 * `setGlobalDispatcher(…)` from undici.
 */
function isNetworkMock(context: Context, node: TSESTree.CallExpression): boolean {
  const mock = getMockCall(context, node);
  if (mock) {
    if (mock.kind === 'global') return mock.target === 'fetch' || mock.target === 'XMLHttpRequest';
    if (mock.kind === 'module-mock') return mock.target !== undefined && HTTP_MODULES.has(mock.target.replace(/^node:/, ''));
    if (mock.kind === 'spy' && mock.target === 'fetch') return true;
    if (mock.kind === 'spy' && mock.object) {
      // `vi.spyOn(axios, 'get')`: the client itself is replaced.
      const origin = getOrigin(context, mock.object);
      return origin !== undefined && HTTP_MODULES.has(origin.source);
    }
    return false;
  }
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'setGlobalDispatcher') return false;
  return getOrigin(context, callee)?.source === 'undici';
}

/** The URL argument of an outgoing request, or of supertest's `request('https://…')`. */
function getRequestUrl(context: Context, node: TSESTree.CallExpression): TSESTree.Node | undefined {
  const [first] = node.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const request = getHttpRequest(context, node);
  if (request) return request.url;
  // supertest takes an app or a base URL: `request('https://api.example.org').get('/')`.
  if (node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const origin = getOrigin(context, node.callee);
  return origin?.source === 'supertest' && origin.path.length === 0 ? first : undefined;
}

/** The host of a URL written in the file, when it is not this machine or a container next to it. */
function getExternalHost(context: Context, node: TSESTree.Node): string | undefined {
  const text = getLeadingText(context, unwrapExpression(node));
  const match = text === undefined ? undefined : URL_HOST.exec(text);
  const host = match?.[1]?.toLowerCase();
  if (host === undefined || host === '') return undefined;
  // A template cut off inside the host (`https://${region}.api.com`) names no host.
  if (text !== undefined && host.length === text.length - text.indexOf(host) && !isCompleteLiteral(node)) return undefined;
  return isLocalHost(host) ? undefined : host;
}

/** The text of a string literal, or the leading text of a template literal, directly or through a `const`. */
function getLeadingText(context: Context, node: TSESTree.Node, depth = 0): string | undefined {
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : undefined;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis[0]?.value.cooked ?? undefined;
  if (node.type === AST_NODE_TYPES.NewExpression && node.arguments[0] && getOrigin(context, node)?.path.join('.') === 'URL.new') {
    const base = node.arguments[1];
    return getLeadingText(context, unwrapExpression(base && base.type !== AST_NODE_TYPES.SpreadElement ? base : node.arguments[0]), depth + 1);
  }
  if (node.type !== AST_NODE_TYPES.Identifier || depth > 2) return undefined;
  const variable = findVariable(context, node);
  const def = variable?.defs[0];
  if (variable?.defs.length !== 1 || def?.type !== 'Variable' || def.parent.kind !== 'const' || !def.node.init) return undefined;
  return getLeadingText(context, unwrapExpression(def.node.init), depth + 1);
}

function isCompleteLiteral(node: TSESTree.Node): boolean {
  const inner = unwrapExpression(node);
  return inner.type === AST_NODE_TYPES.Literal || (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 0);
}

function isLocalHost(host: string): boolean {
  if (host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || host === '0.0.0.0') return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(host) || /^(?:10|192\.168)\./.test(host) || host === 'host.docker.internal') return true;
  // `http://postgres:5432`, `http://api`: a single label is a container or a hosts entry, never the internet.
  if (!host.includes('.')) return true;
  // Reserved names that never resolve (RFC 2606, RFC 6761): a request to them cannot reach anyone.
  return /\.(?:test|invalid|local|internal)$/.test(host);
}

function isAllowed(host: string, allow: readonly string[]): boolean {
  return allow.some((pattern) => (pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern));
}
