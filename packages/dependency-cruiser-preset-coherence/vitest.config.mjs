import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';

import shared from '../../vitest.shared.mjs';

// Fixture projects contain their own `*.test.ts` files, which are inputs to dependency-cruiser, not tests to run.
export default mergeConfig(shared, defineConfig({ test: { exclude: [...configDefaults.exclude, 'tests/fixtures/**'] } }));
