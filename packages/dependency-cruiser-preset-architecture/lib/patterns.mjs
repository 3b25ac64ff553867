// Path regexes shared by the rules. dependency-cruiser matches them against paths relative to the
// cruise's base directory, with `/` separators, for local modules and against `resolved` for the rest.

const JS_EXTENSION = '\\.[cm]?[jt]sx?$';

/** Folders that hold only tests, fixtures and mocks. */
export const TEST_FOLDER = '(?:^|/)(?:__tests__|__mocks__|__fixtures__|tests?|specs?|e2e|fixtures|mocks)/';

/** `*.test.ts`, `*.spec.js`, … */
export const SPEC_FILE = `\\.(?:test|spec)${JS_EXTENSION}`;

/** Other files that only run under test or tooling: e2e specs, stories, benchmarks, Cypress. */
export const TEST_TOOLING_FILE = `\\.(?:e2e|cy|stories|story|bench)${JS_EXTENSION}|(?:^|/)(?:vitest|jest|playwright|cypress)\\.(?:setup|workspace)${JS_EXTENSION}|(?:^|/)setupTests${JS_EXTENSION}`;

/** `vite.config.ts`, `next.config.mjs`, `drizzle.config.ts`, `.eslintrc.cjs`, `tsconfig.build.json`. */
export const CONFIG_FILE = `(?:^|/)[^/]+\\.config${JS_EXTENSION}|(?:^|/)\\.[^/]+\\.(?:[cm]?[jt]s|json)$|(?:^|/)tsconfig[^/]*\\.json$`;

/** TypeScript declaration files: no runtime code, often never imported. */
export const DECLARATION_FILE = '\\.d\\.[cm]?ts$';

/** Database migrations and seeds, run by the ORM's CLI rather than imported. */
export const MIGRATION_OR_SEED = `(?:^|/)(?:migrations?|seeds?|seeders)/|(?:^|/)seed${JS_EXTENSION}`;

/** One-off scripts and executables, started by `node`/`tsx`, never imported. */
export const SCRIPT = '(?:^|/)(?:scripts|bin)/';

/** The file names Next.js's app router loads from `app/` by convention. */
const NEXT_APP_FILE = 'page|layout|route|loading|error|global-error|not-found|template|default|opengraph-image|twitter-image|icon|apple-icon|sitemap|robots|manifest';

/**
 * Framework entry points loaded by file-system convention: Next.js app-router files and everything
 * in `pages/`, its root `middleware`/`instrumentation` files, Remix `app/routes/`, SvelteKit `+page`
 * files. Only the convention names: other files in an `app/` folder are ordinary modules.
 */
export const FRAMEWORK_ENTRY = [
  `(?:^|/)app/(?:|.*/)(?:${NEXT_APP_FILE})${JS_EXTENSION}`,
  '(?:^|/)pages/',
  '(?:^|/)app/routes/',
  `(?:^|/)(?:middleware|instrumentation)${JS_EXTENSION}`,
  `(?:^|/)\\+(?:page|layout|server)(?:\\.server)?${JS_EXTENSION}`,
].join('|');

/** Static files served as-is (service workers, analytics snippets): loaded by URL, never imported. */
export const PUBLIC_ASSET = '(?:^|/)public/';

/** Code that never ships to production: tests, fixtures, configs, scripts, migrations, declarations. */
export const NOT_PRODUCTION = [
  TEST_FOLDER,
  SPEC_FILE,
  TEST_TOOLING_FILE,
  CONFIG_FILE,
  DECLARATION_FILE,
  MIGRATION_OR_SEED,
  SCRIPT,
];

/**
 * Dependency types of imports the compiler erases: `import type`, and (with `tsPreCompilationDeps:
 * 'specify'`) imports TypeScript elides because they are only used as types or not used at all.
 */
export const ERASED_AT_RUNTIME = ['type-only', 'pre-compilation-only'];

/**
 * ORM entity and model classes (TypeORM, MikroORM, Sequelize): bidirectional relations make them
 * import each other, and the ORM resolves those references lazily (`@ManyToOne(() => User)`).
 */
export const ORM_ENTITY = `\\.entity${JS_EXTENSION}|(?:^|/)(?:entities|models)/`;

/** Specifiers of runtime-provided modules dependency-cruiser cannot resolve on disk. */
export const RUNTIME_VIRTUAL_MODULE = '^(?:bun|cloudflare|astro|virtual|deno|npm|jsr):';
