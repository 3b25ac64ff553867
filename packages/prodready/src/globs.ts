/** Every JavaScript and TypeScript file, with or without JSX. */
export const GLOB_SRC = '**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}';

/** JavaScript files: parsed by ESLint's default parser, with JSX enabled. */
export const GLOB_JS = '**/*.{js,jsx,mjs,cjs}';

/** TypeScript files: parsed by typescript-eslint's parser. */
export const GLOB_TS = '**/*.{ts,tsx,mts,cts}';

/**
 * Test, spec, mock and fixture files, by the conventions of vitest, jest, node:test, mocha and
 * Playwright/Cypress (the same conventions as the kit's `isTestFile`).
 */
export const GLOB_TESTS: readonly string[] = [
  '**/*.{test,spec,e2e,cy}.*',
  '**/__tests__/**',
  '**/__mocks__/**',
  '**/{test,tests,spec,e2e}/**',
  '**/{fixture,fixtures}/**',
];

/** Build output, caches and generated code nobody should lint. */
export const GLOB_EXCLUDE: readonly string[] = [
  '**/node_modules/**',
  '**/dist/**',
  '**/build/**',
  '**/coverage/**',
  '**/.next/**',
  '**/.nuxt/**',
  '**/.output/**',
  '**/.vercel/**',
  '**/.netlify/**',
  '**/.svelte-kit/**',
  '**/.turbo/**',
  '**/.cache/**',
  '**/*.min.{js,cjs,mjs}',
  '**/next-env.d.ts',
];
