import {
  allowOptionSchema,
  AST_NODE_TYPES,
  getLogCall,
  getProjectFacts,
  getRelativeFilename,
  isBrowserModule,
  isCommandLineModule,
  isInTestFile,
  type TSESLint,
  type TSESTree,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'consoleInServer';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

// In order of preference: a dedicated logging library names the logger better than a framework that has one.
const LOGGERS: readonly (readonly [string, string])[] = [
  ['pino', 'pino'],
  ['nestjs-pino', 'pino (nestjs-pino)'],
  ['pino-http', 'pino'],
  ['winston', 'winston'],
  ['nest-winston', 'winston'],
  ['bunyan', 'bunyan'],
  ['@logtape/logtape', 'LogTape'],
  ['log4js', 'log4js'],
  ['consola', 'consola'],
  ['tslog', 'tslog'],
  ['@nestjs/common', 'the NestJS `Logger`'],
];
// Browser, build and one-off code in a server repository: their console is not a service log.
const SKIPPED_FOLDERS = new Set([
  'migrations', 'migration', 'seeds', 'seeders', 'seed', 'public', 'static', 'client', 'frontend', 'e2e', 'tools', 'tooling',
  'build', 'bench', 'benchmarks', 'examples', 'docs', 'stories', 'cypress', 'playwright',
  // The logging setup itself: its console output is the fallback when the logger cannot be used.
  'logging', 'logger',
]);
const SKIPPED_FILE =
  /(?:^|[./-])(?:config|seed|migrate|setup|instrumentation|build|gulpfile|gruntfile|logger|logging|log)\.[cm]?[jt]sx?$|\.[jt]sx$|\.d\.[cm]?ts$/i;

export default createRule<Options, MessageIds>({
  name: 'no-console-in-server',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow `console` logging in server code of a project that has a logging library',
      recommended: 'strict',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { ...allowOptionSchema, description: '`console` methods that are never reported (`warn`, `error`).' },
        },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      consoleInServer:
        'This `console.{{method}}` bypasses {{logger}}, which the project logs with, so the record has no level, timestamp or fields, ignores the logger\'s redaction and level settings, and log search cannot filter it with the rest. Log through {{logger}} instead.',
    },
  },
  create(context, [{ allow }]) {
    if (!context.sourceCode.text.includes('console') || isSkippedFile(context)) return {};
    const logger = getProjectLogger(context);
    if (!logger) return {};
    const allowed = new Set(allow);

    return {
      'CallExpression[callee.type="MemberExpression"]'(node: TSESTree.CallExpression): void {
        const callee = node.callee as TSESTree.MemberExpression;
        if (callee.object.type !== AST_NODE_TYPES.Identifier || callee.object.name !== 'console') return;
        const log = getLogCall(context, node);
        if (log?.library !== 'console' || callee.property.type !== AST_NODE_TYPES.Identifier) return;
        const method = callee.property.name;
        if (allowed.has(method)) return;
        context.report({ node: callee, messageId: 'consoleInServer', data: { method, logger } });
      },
    };
  },
});

function isSkippedFile(context: Context): boolean {
  if (isInTestFile(context) || isCommandLineModule(context)) return true;
  const segments = getRelativeFilename(context).split('/');
  const basename = segments.pop() ?? '';
  // Dot folders hold tooling (`.install-scripts/`, `.storybook/`, `.github/`).
  if (SKIPPED_FILE.test(basename) || segments.some((segment) => SKIPPED_FOLDERS.has(segment) || segment.startsWith('.'))) return true;
  return isBrowserModule(context);
}

/** The logger the project depends on, from the project facts; `undefined` without facts or logger. */
function getProjectLogger(context: Context): string | undefined {
  const dependencies = getProjectFacts(context)?.dependencies;
  if (!dependencies) return undefined;
  return LOGGERS.find(([name]) => dependencies.includes(name))?.[1];
}
