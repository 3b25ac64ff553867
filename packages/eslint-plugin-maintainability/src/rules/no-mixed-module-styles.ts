import { isAbsolute, resolve } from 'node:path';

import {
  getModuleStyle,
  getProjectFacts,
  isGeneratedFile,
  isInTestFile,
  type ModuleStyle,
  toRootRelative,
} from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ minModules: number; minShare: number }];
export type MessageIds = 'mixedModuleStyle';

const STYLE_LABELS: Record<ModuleStyle, string> = {
  'static-class': 'a class of static methods',
  functions: 'plain functions',
  'object-singleton': 'an object singleton',
};

export default createRule<Options, MessageIds>({
  name: 'no-mixed-module-styles',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow a module packaged differently from the clear majority of modules in its folder',
      recommended: 'strict',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          minModules: {
            type: 'integer',
            minimum: 3,
            description: 'How many modules with a recognisable style a folder needs (this one included) before its majority counts.',
          },
          minShare: {
            type: 'number',
            minimum: 0.5,
            maximum: 1,
            description: 'The share (0.5–1) of those modules the most common style needs for the others to be reported.',
          },
        },
      },
    ],
    defaultOptions: [{ minModules: 5, minShare: 0.8 }],
    messages: {
      mixedModuleStyle:
        'This module exports {{style}}, but {{count}} of the {{total}} modules in `{{folder}}` export {{majority}}: callers of sibling modules must remember which are called as `Service.method()`, `service.method()` or `method()`, and mocks and refactors must handle each shape.',
    },
  },
  create(context, [{ minModules, minShare }]) {
    const facts = getProjectFacts(context);
    if (!facts?.moduleStyles || isInTestFile(context) || isGeneratedFile(context)) return {};
    const file = toRootRelative(facts, isAbsolute(context.filename) ? context.filename : resolve(context.cwd, context.filename));
    if (file.startsWith('..')) return {};
    const folder = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
    const counts = { ...facts.moduleStyles[folder] };
    // The facts may hold an older version of this file: its current code stands in for it.
    const stale = facts.modules[file]?.style;
    if (stale) counts[stale] = (counts[stale] ?? 0) - 1;

    return {
      Program(program): void {
        const own = getModuleStyle(program);
        if (!own) return;
        counts[own.style] = (counts[own.style] ?? 0) + 1;
        let total = 0;
        let top: [string, number] | undefined;
        for (const entry of Object.entries(counts)) {
          total += entry[1];
          if (!top || entry[1] > top[1] || (entry[1] === top[1] && entry[0] < top[0])) top = entry;
        }
        if (!top || top[0] === own.style || total < minModules || top[1] / total < minShare) return;
        context.report({
          node: own.node,
          messageId: 'mixedModuleStyle',
          data: {
            style: STYLE_LABELS[own.style],
            count: top[1],
            total,
            folder: folder || '.',
            majority: STYLE_LABELS[top[0] as ModuleStyle],
          },
        });
      },
    };
  },
});
