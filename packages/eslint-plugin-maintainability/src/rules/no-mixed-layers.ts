import { AST_NODE_TYPES, getOrigin, isGeneratedFile, isInTestFile, type TSESTree } from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ compositionRoots: string[]; minLayers: number }];
export type MessageIds = 'mixedLayers';

type Layer = 'http' | 'database' | 'view';

const LAYER_LABELS: Record<Layer, string> = {
  http: 'an HTTP framework',
  database: 'a database client',
  view: 'a view/template layer',
};

// Packages by the layer they belong to; subpaths (`drizzle-orm/pg-core`, `hono/cors`) count as the package.
const LAYERS: Readonly<Record<string, Layer>> = {
  express: 'http',
  fastify: 'http',
  koa: 'http',
  '@koa/router': 'http',
  'koa-router': 'http',
  hono: 'http',
  'next/server': 'http',
  '@hapi/hapi': 'http',
  restify: 'http',
  h3: 'http',
  polka: 'http',
  '@prisma/client': 'database',
  'drizzle-orm': 'database',
  sequelize: 'database',
  'sequelize-typescript': 'database',
  typeorm: 'database',
  mongoose: 'database',
  mongodb: 'database',
  knex: 'database',
  pg: 'database',
  postgres: 'database',
  mysql: 'database',
  mysql2: 'database',
  'better-sqlite3': 'database',
  sqlite3: 'database',
  kysely: 'database',
  '@supabase/supabase-js': 'database',
  '@vercel/postgres': 'database',
  '@neondatabase/serverless': 'database',
  '@planetscale/database': 'database',
  '@libsql/client': 'database',
  '@mikro-orm/core': 'database',
  objection: 'database',
  react: 'view',
  'react-dom': 'view',
  'react-dom/server': 'view',
  ejs: 'view',
  pug: 'view',
  handlebars: 'view',
  'express-handlebars': 'view',
  hbs: 'view',
  nunjucks: 'view',
  mustache: 'view',
  eta: 'view',
  'preact-render-to-string': 'view',
  '@react-email/render': 'view',
  '@react-email/components': 'view',
  'vue/server-renderer': 'view',
};

export default createRule<Options, MessageIds>({
  name: 'no-mixed-layers',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow one module importing an HTTP framework, a database client and a view layer together',
      recommended: 'strict',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          compositionRoots: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'File name stems (the name before the first `.`) of composition roots, where wiring every layer together is the point.',
          },
          minLayers: {
            type: 'integer',
            minimum: 2,
            maximum: 3,
            description: 'How many of the three layers (HTTP, database, view) one module may not import together: 3 reports only all three, 2 also a route that queries the database itself.',
          },
        },
      },
    ],
    defaultOptions: [{ compositionRoots: ['server', 'app', 'main', 'index', 'bootstrap', 'start'], minLayers: 3 }],
    messages: {
      mixedLayers:
        'This module imports {{layers}}: layers mixed in one file cannot be tested, reused or changed apart, and a change to one breaks the others. Move data access and rendering into their own modules.',
    },
  },
  create(context, [{ compositionRoots, minLayers }]) {
    const filename = context.filename.replaceAll('\\', '/');
    const stem = filename.slice(filename.lastIndexOf('/') + 1).split('.')[0] ?? '';
    if (compositionRoots.includes(stem) || isInTestFile(context) || isGeneratedFile(context)) return {};
    const seen = new Map<Layer, string>();

    function add(source: string | undefined, node: TSESTree.Node): void {
      const layer = source === undefined ? undefined : getLayer(source);
      if (!layer || seen.has(layer)) return;
      seen.set(layer, source as string);
      if (seen.size !== minLayers) return;
      const layers = [...seen].map(([name, from]) => `${LAYER_LABELS[name]} (\`${from}\`)`);
      context.report({ node, messageId: 'mixedLayers', data: { layers: joinList(layers) } });
    }

    return {
      ImportDeclaration(node): void {
        if (node.importKind === 'type') return;
        if (node.specifiers.length === 0) {
          add(node.source.value, node);
          return;
        }
        for (const specifier of node.specifiers) {
          if (specifier.type === AST_NODE_TYPES.ImportSpecifier && specifier.importKind === 'type') continue;
          // `import { Request } from 'express'` used only in annotations is no dependency at run time.
          const variable = context.sourceCode.scopeManager?.getDeclaredVariables(specifier)[0];
          if (!variable?.references.some((reference) => reference.isValueReference)) continue;
          // Through the project facts, `import { db } from '@/lib/db'` is the database client it exports.
          add(getOrigin(context, specifier.local)?.source, node);
        }
      },
      'Program > VariableDeclaration > VariableDeclarator'(node: TSESTree.VariableDeclarator): void {
        const init = node.init;
        if (init?.type !== AST_NODE_TYPES.CallExpression || init.callee.type !== AST_NODE_TYPES.Identifier || init.callee.name !== 'require') return;
        const callee = getOrigin(context, init.callee);
        const argument = init.arguments[0];
        if (callee?.source !== 'global' || argument?.type !== AST_NODE_TYPES.Literal || typeof argument.value !== 'string') return;
        // `const db = require('./db')` is what `./db` exports, when the project facts know it.
        const source = node.id.type === AST_NODE_TYPES.Identifier ? (getOrigin(context, node.id)?.source ?? argument.value) : argument.value;
        add(source, node.parent);
      },
    };
  },
});

function getLayer(source: string): Layer | undefined {
  const exact = LAYERS[source];
  if (exact) return exact;
  const parts = source.split('/');
  const name = source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return name === undefined ? undefined : LAYERS[name];
}

function joinList(items: readonly string[]): string {
  return items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
