import { describe, expect, it } from 'vitest';

import { generateRuleOptions, TYPEGEN_FILE } from '../scripts/typegen.mjs';
import { plugins } from '../src/index.js';

describe('typegen', () => {
  // Stale after a rule or schema change: `npm run typegen` (from the builds) or `npx vitest run -u` (from sources).
  it('src/typegen.ts is up to date with the rule schemas', async () => {
    await expect(generateRuleOptions(plugins)).toMatchFileSnapshot(TYPEGEN_FILE);
  });

  it('types options from the schema', () => {
    const source = generateRuleOptions({
      demo: {
        meta: { namespace: '@prodready/demo' },
        rules: {
          'require-thing': {
            meta: {
              docs: { description: 'Require a thing', url: 'https://example.com/require-thing.md' },
              schema: [
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['mode'],
                  properties: {
                    allow: { type: 'array', items: { type: 'string' }, description: 'Names never reported.' },
                    mode: { enum: ['fast', 'safe'], description: 'How hard to look.' },
                    limit: { type: ['integer', 'null'] },
                    'max-depth': { anyOf: [{ type: 'number' }, { const: false }] },
                  },
                },
              ],
            },
          },
          'no-options': { meta: { schema: [] } },
        },
      },
    });
    expect(source).toContain(`  /**
   * Require a thing
   * @see https://example.com/require-thing.md
   */
  '@prodready/demo/require-thing'?: Linter.RuleEntry<ProdreadyDemoRequireThing>;`);
    expect(source).toContain(`type ProdreadyDemoRequireThing = [{
  /**
   * Names never reported.
   */
  allow?: string[];
  /**
   * How hard to look.
   */
  mode: "fast" | "safe";
  limit?: number | null;
  "max-depth"?: number | false;
}];`);
    expect(source).toContain('type ProdreadyDemoNoOptions = [];');
  });
});
