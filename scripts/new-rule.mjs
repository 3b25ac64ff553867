#!/usr/bin/env node
// npm run new-rule -- <area> <rule-name>
// Scaffolds src/rules/<rule>.ts, tests/rules/<rule>.test.ts and docs/rules/<rule>.md in
// packages/eslint-plugin-<area>, then regenerates the rules index.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { listPluginDirs, ROOT } from './lib/workspace.mjs';

const areas = listPluginDirs().map((dir) => dir.replace('packages/eslint-plugin-', ''));
const [area, rule] = process.argv.slice(2);

function fail(message) {
  console.error(`new-rule: ${message}\nUsage: npm run new-rule -- <${areas.join('|')}> <rule-name>`);
  process.exit(2);
}

if (!area || !rule) fail('an area and a rule name are required.');
if (!areas.includes(area)) fail(`unknown area "${area}".`);
if (!/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(rule)) fail(`"${rule}" is not a kebab-case rule name.`);

const pkg = join(ROOT, 'packages', `eslint-plugin-${area}`);
const files = {
  rule: join(pkg, 'src', 'rules', `${rule}.ts`),
  test: join(pkg, 'tests', 'rules', `${rule}.test.ts`),
  doc: join(pkg, 'docs', 'rules', `${rule}.md`),
};
for (const file of Object.values(files)) {
  if (existsSync(file)) fail(`${file.slice(ROOT.length + 1)} already exists.`);
}

writeFileSync(
  files.rule,
  `import { allowOptionSchema } from '@prodready/eslint-rule-kit';

import { createRule } from '../create-rule.js';

export type Options = [{ allow: string[] }];
export type MessageIds = 'TODO_messageId';

export default createRule<Options, MessageIds>({
  name: '${rule}',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow TODO describe the construct',
      recommended: false,
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: { allow: allowOptionSchema },
      },
    ],
    defaultOptions: [{ allow: [] }],
    messages: {
      TODO_messageId: 'TODO say what is wrong and what happens in production.',
    },
  },
  create(context, [{ allow }]) {
    // Cheap AST guards first, then resolve what the callee is through the kit, then report.
    void allow;
    return {};
  },
});
`,
);

writeFileSync(
  files.test,
  `import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/${rule}.js';

const ruleTester = createRuleTester();

ruleTester.run('${rule}', rule, {
  valid: [
    // TODO valid neighbours: where reporting stops
  ],
  invalid: [
    // TODO { code, errors: [{ messageId, line, column, endLine, endColumn }] }
  ],
});
`,
);

writeFileSync(
  files.doc,
  `# ${rule}

<!-- end auto-generated rule header -->

TODO: the production failure this rule prevents, in observable terms.

## Examples

❌ Incorrect

\`\`\`ts
\`\`\`

✅ Correct

\`\`\`ts
\`\`\`

## Options

### \`allow\`

Default: \`[]\`. TODO.

## When Not To Use It

TODO.
`,
);

execFileSync(process.execPath, [fileURLToPath(new URL('./gen-rules-index.mjs', import.meta.url))], { stdio: 'inherit' });
console.log(`Created:\n  ${Object.values(files).map((file) => file.slice(ROOT.length + 1)).join('\n  ')}`);
console.log('Next: write the tests first, implement, then `npm run gen` (doc header, README table).');
