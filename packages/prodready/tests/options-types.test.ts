import { describe, expect, it } from 'vitest';

import type { ProdreadyOptions } from '../src/index.js';

// Compile-time checks (`tsc -p tsconfig.json`): overrides are typed from the generated `RuleOptions`.
const typed: ProdreadyOptions = {
  security: { overrides: { '@prodready/security/no-secret-fallback': ['warn', { allow: ['SESSION_SECRET'] }] } },
};

const wrongOptions: ProdreadyOptions = {
  // @ts-expect-error -- `allow` is a list of names, per the rule's schema
  security: { overrides: { '@prodready/security/no-secret-fallback': ['warn', { allow: 'SESSION_SECRET' }] } },
};

const misspelt: ProdreadyOptions = {
  // @ts-expect-error -- no such rule in the security plugin
  security: { overrides: { '@prodready/security/no-secret-fallbak': 'off' } },
};

describe('ProdreadyOptions', () => {
  it('type-checks overrides (see tsc)', () => {
    expect([typed, wrongOptions, misspelt]).toHaveLength(3);
  });
});
