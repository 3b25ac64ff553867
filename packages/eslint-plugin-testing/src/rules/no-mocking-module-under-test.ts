import { posix } from 'node:path';

import { AST_NODE_TYPES, getMockCall, type TSESLint, type TSESTree } from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ testSuffixes: string[] }];
export type MessageIds = 'mocksModuleUnderTest';

type Context = Readonly<TSESLint.RuleContext<MessageIds, Options>>;

const TEST_DIRS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', '__specs__']);
const SOURCE_ROOTS = new Set(['src', 'lib', 'app', 'server', 'source']);
const EXTENSION = /\.(?:[cm]?[jt]sx?)$/;
// `vi.mock('./users', async (importOriginal) => …)` keeps the real module and replaces a part of it.
const PARTIAL_MOCK = /\b(?:importOriginal|importActual|requireActual)\b/;

export default createRule<Options, MessageIds>({
  name: 'no-mocking-module-under-test',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow mocking the module a test file is testing',
      recommended: 'recommended',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          testSuffixes: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description:
              'Suffixes that mark a test file; the module under test is the file name without the suffix and extension (`users.test.ts` tests `users`).',
          },
        },
      },
    ],
    defaultOptions: [{ testSuffixes: ['test', 'spec'] }],
    messages: {
      mocksModuleUnderTest:
        '`{{target}}` is the module this file tests; mocking it replaces the code under test, so the tests check the mock and pass whatever the real implementation does.',
    },
  },
  create(context, [{ testSuffixes }]) {
    const subject = getSubject(context.filename.replaceAll('\\', '/'), testSuffixes);
    if (!subject) return {};

    return {
      CallExpression(node): void {
        if (node.arguments.length === 0) return;
        const mock = getMockCall(context, node);
        if (!mock) return;
        if (mock.kind === 'module-mock' && mock.target !== undefined) {
          const factory = node.arguments[1];
          if (factory && PARTIAL_MOCK.test(context.sourceCode.getText(factory))) return;
          if (isModuleUnderTest(subject, mock.target)) {
            const [first] = node.arguments;
            context.report({ node: first ?? node, messageId: 'mocksModuleUnderTest', data: { target: mock.target } });
          }
          return;
        }
        if (mock.kind === 'spy' && mock.object?.type === AST_NODE_TYPES.Identifier && isReplacing(node, mock.api)) {
          const source = getNamespaceImportSource(context, mock.object);
          if (source !== undefined && isModuleUnderTest(subject, source)) {
            context.report({ node: mock.object, messageId: 'mocksModuleUnderTest', data: { target: source } });
          }
        }
      },
    };
  },
});

/**
 * A spy that keeps the real implementation (`vi.spyOn(users, 'find')`) only watches; one given a fake
 * (`.mockResolvedValue(…)`, `sinon.stub`, `mock.method(obj, 'x', fake)`) replaces the code under test.
 */
function isReplacing(call: TSESTree.CallExpression, api: string): boolean {
  if (api === 'sinon.stub' || api === 'sinon.replace' || api === 'jest.replaceProperty') return true;
  if (api === 'mock.method') return call.arguments.length >= 3;
  const { parent } = call;
  return (
    parent.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === call &&
    parent.property.type === AST_NODE_TYPES.Identifier &&
    /^mock(?:Implementation|ReturnValue|ResolvedValue|RejectedValue)/.test(parent.property.name)
  );
}

interface Subject {
  /** Folder of the test file. */
  readonly dir: string;
  /** File name without test suffix and extension: `users`. */
  readonly base: string;
  /** The path below the tests folder, without suffix: `services/users` for `tests/services/users.test.ts`. */
  readonly mirrored?: string;
}

function getSubject(filename: string, suffixes: readonly string[]): Subject | undefined {
  const name = posix.basename(filename).replace(EXTENSION, '');
  const suffix = suffixes.find((candidate) => name.endsWith(`.${candidate}`));
  if (suffix === undefined) return undefined;
  const base = name.slice(0, -(suffix.length + 1));
  // `index.test.ts` names no module of its own.
  if (base === '' || base === 'index') return undefined;
  const dir = posix.dirname(filename);
  const segments = dir.split('/');
  const testDir = segments.findLastIndex((segment) => TEST_DIRS.has(segment));
  const mirrored = testDir === -1 ? undefined : [...segments.slice(testDir + 1), base].join('/');
  return { dir, base, ...(mirrored !== undefined && { mirrored }) };
}

function isModuleUnderTest(subject: Subject, specifier: string): boolean {
  let path: string;
  if (/^\.{1,2}\//.test(specifier)) path = posix.join(subject.dir, specifier);
  else if (/^(?:@|~|#)\//.test(specifier)) path = `/src/${specifier.slice(2)}`;
  else return false;
  path = path.replace(EXTENSION, '').replace(/\/index$/, '');
  // `@/services/users` from `src/services/users.test.ts`.
  if (!specifier.startsWith('.') && posix.join(subject.dir, subject.base).endsWith(path)) return true;
  // Co-located (`users.ts` beside `users.test.ts`) or one level up from `__tests__/`.
  if (path === posix.join(subject.dir, subject.base)) return true;
  if (posix.basename(subject.dir) === '__tests__' && path === posix.join(posix.dirname(subject.dir), subject.base)) return true;
  // A mirrored tests tree: `tests/services/users.test.ts` and `src/services/users.ts`.
  if (subject.mirrored === undefined || !path.endsWith(`/${subject.mirrored}`)) return false;
  // A flat tests folder only matches a top-level source module, not `src/models/users` for `tests/users.test.ts`.
  const parent = posix.basename(path.slice(0, -subject.mirrored.length - 1));
  return subject.mirrored.includes('/') || SOURCE_ROOTS.has(parent) || path === posix.join(subject.dir, '..', subject.mirrored);
}

/** `import * as users from './users'` (or a default import of a CommonJS module): the specifier. */
function getNamespaceImportSource(context: Context, identifier: TSESTree.Identifier): string | undefined {
  let scope: TSESLint.Scope.Scope | null = context.sourceCode.getScope(identifier);
  while (scope) {
    const variable = scope.set.get(identifier.name);
    if (variable) {
      const def = variable.defs[0];
      if (
        variable.defs.length !== 1 ||
        def?.type !== 'ImportBinding' ||
        (def.node.type !== AST_NODE_TYPES.ImportNamespaceSpecifier && def.node.type !== AST_NODE_TYPES.ImportDefaultSpecifier) ||
        def.parent.type !== AST_NODE_TYPES.ImportDeclaration
      ) {
        return undefined;
      }
      return String(def.parent.source.value);
    }
    scope = scope.upper;
  }
  return undefined;
}
