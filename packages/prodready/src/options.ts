import type { Area } from './plugins.js';
import type { RuleOptions } from './typegen.js';

/** The rules of one area, each with the options its schema accepts. */
export type AreaRuleOptions<A extends Area> = {
  [K in keyof RuleOptions as K extends `@prodready/${A}/${string}` ? K : never]?: RuleOptions[K];
};

/** Settings for one plugin area. */
export interface AreaOptions<A extends Area> {
  /**
   * Rule settings layered over the preset, by full rule id (`@prodready/<area>/<rule>`).
   * An id the plugin does not have throws at config load, naming the closest real ids.
   */
  overrides?: AreaRuleOptions<A>;
}

/** Typed linting: which TypeScript project gives the type-aware rules their types. */
export interface TypeCheckedOptions {
  /** Folder the tsconfig paths are relative to. Default: `cwd`. */
  tsconfigRootDir?: string;
  /**
   * tsconfig file(s) for typescript-eslint's `parserOptions.project`. Default: none, which uses
   * `parserOptions.projectService` (each file's nearest tsconfig.json), the faster and simpler setup.
   */
  project?: string | string[];
}

export interface ProdreadyOptions {
  /** Security rules on source files (injection, secrets, auth). Default: `true`. */
  security?: boolean | AreaOptions<'security'>;
  /**
   * Testing rules on test files. Default: `true`, unless the nearest package.json names no test
   * runner (vitest, jest, mocha, node --test, …).
   */
  testing?: boolean | AreaOptions<'testing'>;
  /** Performance and scalability rules on source files. Default: `true`. */
  performance?: boolean | AreaOptions<'performance'>;
  /** Maintainability rules on source and test files. Default: `true`. */
  maintainability?: boolean | AreaOptions<'maintainability'>;
  /** Observability rules (logging, error reporting) on source files. Default: `true`. */
  observability?: boolean | AreaOptions<'observability'>;
  /**
   * Turn on the rules that need type information (the `*-type-checked` presets) and give
   * typescript-eslint's parser a TypeScript project. Default: `false`.
   */
  typeChecked?: boolean | TypeCheckedOptions;
  /** Use the `strict` presets: opinionated or noisier rules on top of `recommended`. Default: `false`. */
  strict?: boolean;
  /** Extra glob patterns never linted, added to prodready's defaults (build output, caches). */
  ignores?: string[];
  /** Source file globs. Default: every JavaScript and TypeScript file. */
  files?: string[];
  /** Test file globs: the testing rules run here and server-only rules do not. */
  testFiles?: string[];
  /**
   * Bundle the rules prodready does not rewrite: ESLint's catch and size rules for the areas that
   * are on, a curated set of @vitest/eslint-plugin or eslint-plugin-jest rules on test files, and
   * `no-await-in-loop` off while the performance rules are on. Default: `true`.
   */
  bundled?: boolean;
  /**
   * @vitest/eslint-plugin's curated rules on test files. Default: on when package.json names vitest
   * and the plugin is installed (an optional peer). `true` without the plugin is a config error.
   */
  vitest?: boolean;
  /** eslint-plugin-jest's curated rules on test files. Default: on when package.json names jest and the plugin is installed. */
  jest?: boolean;
  /** Folder whose nearest package.json decides defaults. Default: `process.cwd()`. */
  cwd?: string;
}
