import { isAbsolute, resolve } from 'node:path';

import {
  allowOptionSchema,
  getFileNamingConvention,
  getNamingSamples,
  getProjectFacts,
  isGeneratedFile,
  type NamingKind,
  type TSESTree,
  toRootRelative,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[]; minSamples: number; minShare: number; checkFiles: boolean }];
export type MessageIds = 'identifierDrift' | 'fileNameDrift';

const KIND_LABELS: Record<NamingKind, string> = {
  functions: 'function names',
  asyncFunctions: 'async function names',
  classes: 'class names',
  constants: 'module-level constants',
  booleans: 'boolean variables',
};

interface Majority {
  readonly convention: string;
  readonly percent: number;
  readonly total: number;
}

export default createRule<Options, MessageIds>({
  name: 'no-naming-drift',
  meta: {
    type: 'suggestion',
    docs: {
      description: "Disallow names that deviate from the project's own clear naming majority",
      recommended: 'strict',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: { ...allowOptionSchema, description: 'Names (exact identifiers or file name stems) never reported.' },
          minSamples: {
            type: 'integer',
            minimum: 1,
            description: 'How many names of a kind (or files in a folder) the project needs before a majority counts.',
          },
          minShare: {
            type: 'number',
            minimum: 0.5,
            maximum: 1,
            description: 'The share (0.5–1) the most common convention needs for the others to be reported.',
          },
          checkFiles: { type: 'boolean', description: 'Also check file names against the majority of their folder.' },
        },
      },
    ],
    defaultOptions: [{ allow: [], minSamples: 20, minShare: 0.8, checkFiles: true }],
    messages: {
      identifierDrift:
        '`{{name}}` is named {{convention}}, but {{percent}}% of the {{total}} {{kind}} in this project are named {{majority}}: mixed conventions make code harder to search and mark where it was written without the project in view.',
      fileNameDrift:
        'This file name is {{convention}}, but {{percent}}% of the {{total}} files in `{{folder}}` are {{majority}}: imports and searches by the usual pattern will miss it.',
    },
  },
  create(context, [{ allow, minSamples, minShare, checkFiles }]) {
    const facts = getProjectFacts(context);
    const naming = facts?.naming;
    if (!facts || !naming || isGeneratedFile(context)) return {};
    const { identifiers, files } = naming;
    const file = toRootRelative(facts, isAbsolute(context.filename) ? context.filename : resolve(context.cwd, context.filename));
    // PascalCase components and hooks make function names in JSX files a convention of their own.
    const checkFunctions = !/\.[jt]sx$/.test(file);
    const allowed = new Set(allow);

    function check(node: TSESTree.Node): void {
      for (const sample of getNamingSamples(node, checkFunctions)) {
        if (allowed.has(sample.node.name)) continue;
        const majority = getMajority(identifiers[sample.kind], minSamples, minShare);
        if (!majority || majority.convention === sample.convention) continue;
        context.report({
          node: sample.node,
          messageId: 'identifierDrift',
          data: {
            name: sample.node.name,
            convention: sample.convention,
            percent: majority.percent,
            total: majority.total,
            kind: KIND_LABELS[sample.kind],
            majority: majority.convention,
          },
        });
      }
    }

    return {
      Program(): void {
        if (!checkFiles || file.startsWith('..')) return;
        const convention = getFileNamingConvention(file);
        const stem = file.slice(file.lastIndexOf('/') + 1).split('.')[0] ?? '';
        if (!convention || allowed.has(stem)) return;
        const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
        const majority = getMajority(files[folder], minSamples, minShare);
        if (!majority || majority.convention === convention) return;
        context.report({
          // The first line stands for the file: a file name has no node.
          loc: { start: { line: 1, column: 0 }, end: { line: 1, column: context.sourceCode.lines[0]?.length ?? 0 } },
          messageId: 'fileNameDrift',
          data: { convention, percent: majority.percent, total: majority.total, folder: folder || '.', majority: majority.convention },
        });
      },
      FunctionDeclaration: check,
      ClassDeclaration: check,
      VariableDeclarator: check,
    };
  },
});

/** The convention a clear majority of `counts` follows, when there are enough samples. */
function getMajority(counts: Readonly<Record<string, number>> | undefined, minSamples: number, minShare: number): Majority | undefined {
  if (!counts) return undefined;
  let total = 0;
  let top: [string, number] | undefined;
  for (const entry of Object.entries(counts)) {
    total += entry[1];
    // Ties break by name so the answer never depends on key order.
    if (!top || entry[1] > top[1] || (entry[1] === top[1] && entry[0] < top[0])) top = entry;
  }
  if (!top || total < minSamples || top[1] / total < minShare) return undefined;
  return { convention: top[0], percent: Math.floor((top[1] / total) * 100), total };
}
