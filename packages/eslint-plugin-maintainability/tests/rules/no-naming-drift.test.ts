import { join } from 'node:path';

import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-naming-drift.js';
import { createFixtureProject } from '../project.js';

// The fixture's majorities: 8 camelCase functions, 4 PascalCase classes, 6 UPPER_CASE constants,
// 6 booleans with an is/has prefix, 3 async functions without an Async suffix, 3 kebab-case files in src/users.
const { root, settings } = createFixtureProject();
const filename = join(root, 'src/users/user-export.ts');
const snakeFile = join(root, 'src/users/user_export.ts');
const componentFile = join(root, 'src/users/user-card.tsx');

createRuleTester().run('no-naming-drift', rule, {
  valid: [
    // following the majority
    { code: 'export function exportUsers() { return []; }', filename, settings, options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: true }] },
    // a single lowercase word fits camelCase and snake_case alike
    { code: 'export function exporter() { return []; }', filename, settings, options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: true }] },
    // PascalCase functions (components, decorators, factories) are not counted nor reported
    { code: 'export function Roles(...roles: string[]) { return roles; }', filename, settings, options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: true }] },
    // too few samples for the default floor of 20
    { code: 'export function export_users() { return []; }', filename, settings },
    // one sample short of `minSamples` (the fixture has 8 function names)
    { code: 'export function export_users() { return []; }', filename, settings, options: [{ allow: [], minSamples: 9, minShare: 0.8, checkFiles: true }] },
    // allowed by name
    { code: 'export function export_users() { return []; }', filename, settings, options: [{ allow: ['export_users'], minSamples: 3, minShare: 0.8, checkFiles: true }] },
    // function names in JSX files are left alone
    { code: 'export function render_card() { return null; }', filename: componentFile, settings, options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: true }] },
    // silent with project facts turned off
    { code: 'export function export_users() { return []; }', filename, settings: { prodready: { facts: false } }, options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: true }] },
    // a local constant is not a module-level constant
    { code: 'export function exportUsers() { const maxRows = 10; return maxRows; }', filename, settings, options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: true }] },
    // `DEBUG = true` style flags are not boolean variables named in prose
    { code: 'export const VERBOSE = false;', filename, settings, options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: true }] },
    // file names: the folder majority is kebab-case
    { code: 'export {};', filename: snakeFile, settings, options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: false }] },
    // type errors do not crash
    { code: 'const isReady: boolean = undefinedThing as number; export function exportUsers(): string { return isReady; }', filename, settings, options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: true }] },
  ],
  invalid: [
    {
      code: 'export function export_users() { return []; }',
      filename,
      settings,
      options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: true }],
      errors: [
        {
          messageId: 'identifierDrift',
          data: { name: 'export_users', convention: 'snake_case', percent: 100, total: 8, kind: 'function names', majority: 'camelCase' },
          line: 1, column: 17, endLine: 1, endColumn: 29,
        },
      ],
    },
    {
      // an arrow function behind a TS cast
      code: 'export const load_users = (async () => []) as () => Promise<never[]>;',
      filename,
      settings,
      options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: true }],
      errors: [
        {
          messageId: 'identifierDrift',
          data: { name: 'load_users', convention: 'snake_case', percent: 100, total: 8, kind: 'function names', majority: 'camelCase' },
          line: 1, column: 14, endLine: 1, endColumn: 24,
        },
      ],
    },
    {
      code: 'export async function loadUsersAsync() { return []; }',
      filename,
      settings,
      options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: true }],
      errors: [
        {
          messageId: 'identifierDrift',
          data: { name: 'loadUsersAsync', convention: 'with an Async suffix', percent: 100, total: 3, kind: 'async function names', majority: 'without an Async suffix' },
          line: 1, column: 23, endLine: 1, endColumn: 37,
        },
      ],
    },
    {
      code: 'export class user_exporter {}',
      filename,
      settings,
      options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: true }],
      errors: [
        {
          messageId: 'identifierDrift',
          data: { name: 'user_exporter', convention: 'snake_case', percent: 100, total: 4, kind: 'class names', majority: 'PascalCase' },
          line: 1, column: 14, endLine: 1, endColumn: 27,
        },
      ],
    },
    {
      code: "export const maxRows = 500;",
      filename,
      settings,
      options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: true }],
      errors: [
        {
          messageId: 'identifierDrift',
          data: { name: 'maxRows', convention: 'camelCase', percent: 100, total: 6, kind: 'module-level constants', majority: 'UPPER_CASE' },
          line: 1, column: 14, endLine: 1, endColumn: 21,
        },
      ],
    },
    {
      code: 'export function exportUsers(rows: unknown[]) { const empty = rows.length === 0; return empty; }',
      filename,
      settings,
      options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: true }],
      errors: [
        {
          messageId: 'identifierDrift',
          data: { name: 'empty', convention: 'without an is/has prefix', percent: 100, total: 6, kind: 'boolean variables', majority: 'with an is/has prefix' },
          line: 1, column: 54, endLine: 1, endColumn: 59,
        },
      ],
    },
    {
      code: 'export {};',
      filename: snakeFile,
      settings,
      options: [{ allow: [], minSamples: 3, minShare: 0.8, checkFiles: true }],
      errors: [
        {
          messageId: 'fileNameDrift',
          data: { convention: 'snake_case', percent: 100, total: 3, folder: 'src/users', majority: 'kebab-case' },
          line: 1, column: 1, endLine: 1, endColumn: 11,
        },
      ],
    },
  ],
});
