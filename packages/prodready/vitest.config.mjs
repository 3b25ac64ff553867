// The shared config, plus the five plugins resolved to their sources: the factory is
// tested against the rules as they are now, never against a stale or missing build.
import { fileURLToPath } from 'node:url';

import { mergeConfig } from 'vitest/config';

import shared from '../../vitest.shared.mjs';

const AREAS = ['security', 'testing', 'performance', 'maintainability', 'observability'];

export default mergeConfig(shared, {
  resolve: {
    alias: AREAS.map((area) => ({
      find: new RegExp(`^@prodready/eslint-plugin-${area}$`),
      replacement: fileURLToPath(new URL(`../eslint-plugin-${area}/src/index.ts`, import.meta.url)),
    })),
  },
});
