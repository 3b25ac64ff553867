import {
  AST_NODE_TYPES,
  getOrigin,
  getStaticPropertyName,
  getRelativeFilename,
  isTestFile,
  type Origin,
  type TSESTree,
  unwrapExpression,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ configFiles: string[] }];
export type MessageIds = 'localTarget' | 'ipTarget' | 'hardcodedPort';

// Clients that open a connection to the URL or host they are given.
const NETWORK_MODULES = new Set([
  'axios', 'got', 'ky', 'node-fetch', 'undici', 'ws', 'socket.io-client', 'mongoose', 'mongodb', 'redis', 'ioredis',
  'pg', 'postgres', 'mysql', 'mysql2', 'mysql2/promise', 'sequelize', 'knex', 'amqplib', 'kafkajs', 'nats', 'typeorm',
  '@neondatabase/serverless', '@planetscale/database', '@libsql/client', '@supabase/supabase-js', 'bullmq',
]);
const NETWORK_GLOBALS = new Set(['fetch', 'WebSocket', 'EventSource']);
const SERVER_MODULES = new Set(['express', 'fastify', 'koa', 'http', 'https', 'http2', 'restify', '@hapi/hapi']);
// Keys of a client options object that name where to connect.
const TARGET_KEYS = new Set(['host', 'hostname', 'url', 'uri', 'connectionString', 'baseURL', 'baseUrl', 'server', 'endpoint', 'brokers']);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '0.0.0.0', '::1', '[::1]', 'host.docker.internal']);
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const URL_SCHEME = /^[a-z][\w+.-]*:\/\//i;
const MAX_OBJECT_DEPTH = 3;

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-environment',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow hard-coded local hosts, IP addresses and ports as connection targets outside configuration files',
      recommended: 'strict',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          configFiles: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Globs (`*`, `**`, `?`) of configuration and tooling files where hard-coded hosts and ports are expected; matched against the path.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        configFiles: [
          '**/config/**',
          '**/*.config.*',
          '**/config.*',
          '**/scripts/**',
          '**/seed*',
          '**/docker/**',
          '**/e2e/**',
          '**/cli/**',
          '**/bin/**',
        ],
      },
    ],
    messages: {
      localTarget:
        'This connects to `{{host}}`, which exists only on a developer machine: in production the connection fails or reaches the wrong service. Read the target from configuration.',
      ipTarget:
        'This connects to the hard-coded address `{{host}}`: moving the service or adding a staging environment needs a code change and a redeploy. Read the target from configuration.',
      hardcodedPort:
        'This server listens on a hard-coded port, so platforms that assign one through `PORT` (Heroku, Cloud Run, Render, Railway) cannot route traffic to it. Read the port from the environment.',
    },
  },
  create(context, [{ configFiles }]) {
    const filename = getRelativeFilename(context);
    if (isTestFile(filename) || getConfigFilePatterns(configFiles).some((pattern) => pattern.test(filename))) return {};

    function checkTarget(node: TSESTree.Literal | TSESTree.TemplateLiteral, text: string): void {
      const host = getHost(text);
      if (host === undefined) return;
      const local = LOCAL_HOSTS.has(host) || host.startsWith('127.');
      if (!local && !IPV4.test(host)) return;
      const call = getTargetCall(node);
      if (!call || !isNetworkCall(getOrigin(context, call))) return;
      context.report({ node, messageId: local ? 'localTarget' : 'ipTarget', data: { host } });
    }

    return {
      Literal(node): void {
        if (typeof node.value === 'string' && node.value.length < 2_000) checkTarget(node, node.value);
      },
      TemplateLiteral(node): void {
        // `http://localhost:3000/users/${id}`: the host is in the first static part.
        const head = node.quasis[0]?.value.cooked;
        if (head) checkTarget(node, head);
      },
      'CallExpression[callee.type="MemberExpression"][callee.property.name="listen"]'(node: TSESTree.CallExpression): void {
        const port = getPortArgument(node.arguments[0]);
        if (!port) return;
        const origin = getOrigin(context, node.callee);
        if (!origin || !SERVER_MODULES.has(origin.source)) return;
        context.report({ node: port, messageId: 'hardcodedPort' });
      },
    };
  },
});

function getHost(text: string): string | undefined {
  if (URL_SCHEME.test(text)) {
    try {
      return new URL(text).hostname;
    } catch {
      return undefined;
    }
  }
  const match = /^(\[::1\]|::1|[\w.-]+)(?::\d+)?$/.exec(text);
  return match?.[1];
}

// The call or `new` the literal is an argument of, directly or as a target key of an options object.
function getTargetCall(node: TSESTree.Node): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  let current: TSESTree.Node = node;
  let depth = 0;
  for (;;) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (!parent) return undefined;
    switch (parent.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        current = parent;
        continue;
      case AST_NODE_TYPES.Property: {
        // The value of a target key (`host`, `url`, …); outer keys (`connection: { host }`) may be anything.
        if (parent.value !== current) return undefined;
        const key = getStaticPropertyName(parent);
        if (depth === 0 && (key === undefined || !TARGET_KEYS.has(key))) return undefined;
        depth += 1;
        if (depth > MAX_OBJECT_DEPTH) return undefined;
        current = parent.parent;
        continue;
      }
      case AST_NODE_TYPES.ArrayExpression:
        // `brokers: ['localhost:9092']`
        current = parent;
        continue;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return parent.arguments.includes(current as TSESTree.CallExpressionArgument) ? parent : undefined;
      default:
        // An env fallback (`process.env.URL ?? 'http://localhost'`) or any other expression: not a fixed target.
        return undefined;
    }
  }
}

function isNetworkCall(origin: Origin | undefined): boolean {
  if (!origin) return false;
  if (origin.source === 'global') return origin.path.length <= 2 && NETWORK_GLOBALS.has(origin.path[0] ?? '');
  return NETWORK_MODULES.has(origin.source);
}

// `listen(3000)` or `listen({ port: 3000 })`.
function getPortArgument(argument: TSESTree.CallExpressionArgument | undefined): TSESTree.Node | undefined {
  if (!argument) return undefined;
  const value = unwrapExpression(argument);
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number') return value;
  if (value.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of value.properties) {
    if (property.type !== AST_NODE_TYPES.Property || getStaticPropertyName(property) !== 'port') continue;
    const port = unwrapExpression(property.value);
    return port.type === AST_NODE_TYPES.Literal && typeof port.value === 'number' ? port : undefined;
  }
  return undefined;
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index]!;
    if (char === '*' && glob[index + 1] === '*') {
      source += glob[index + 2] === '/' ? '(?:.*/)?' : '.*';
      index += glob[index + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`(?:^|/)${source.replace(/^\(\?:\.\*\/\)\?/, '')}$`);
}

// Options arrays are the same object for every file in a run: compile their globs once.
const compiledPatterns = new WeakMap<readonly string[], RegExp[]>();

function getConfigFilePatterns(globs: readonly string[]): RegExp[] {
  let patterns = compiledPatterns.get(globs);
  if (!patterns) {
    patterns = globs.map(globToRegExp);
    compiledPatterns.set(globs, patterns);
  }
  return patterns;
}
