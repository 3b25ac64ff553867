import { join } from 'node:path';

import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-mixed-module-styles.js';
import { createFixtureProject } from '../project.js';

// The fixture's `src/services/` holds four object-singleton modules (billing, invoice, payment, refund).
const { root, settings } = createFixtureProject();
const filename = join(root, 'src/services/user-service.ts');

createRuleTester().run('no-mixed-module-styles', rule, {
  valid: [
    // the folder's own style
    { code: 'export const userService = {\n  find(id: string) { return { id }; },\n  remove(id: string) { return id; },\n};', filename, settings },
    // an instance class (a DI service) is no style of the three
    { code: 'export class UserService {\n  find(id: string) { return { id }; }\n  static create() { return new UserService(); }\n}', filename, settings },
    // a module mixing styles has no single style to compare
    { code: 'export class UserService {\n  static find() {}\n  static remove() {}\n}\nexport function findUser() {}', filename, settings },
    // a config object is data, not a service object
    { code: "export const userConfig = { table: 'users', find() {} };", filename, settings },
    // the linted file's own (stale) entry is replaced by its current code: 3 singletons + this one are under 5 modules
    { code: 'export class BillingService {\n  static find() {}\n  static remove() {}\n}', filename: join(root, 'src/services/billing-service.ts'), settings },
    // too few modules for the configured floor
    { code: 'export class UserService {\n  static find() {}\n  static remove() {}\n}', filename, settings, options: [{ minModules: 6, minShare: 0.8 }] },
    // silent with project facts turned off
    { code: 'export class UserService {\n  static find() {}\n  static remove() {}\n}', filename, settings: { prodready: { facts: false } } },
    // another folder has no majority
    { code: 'export class UserService {\n  static find() {}\n  static remove() {}\n}', filename: join(root, 'src/users/user-cache.ts'), settings },
    // type errors do not crash
    { code: 'export const userService = (missing as Service).build() satisfies number;', filename, settings },
  ],
  invalid: [
    {
      code: 'export class UserService {\n  private constructor() {}\n  static find(id: string) { return { id }; }\n  static remove(id: string) { return id; }\n}',
      filename,
      settings,
      errors: [
        {
          messageId: 'mixedModuleStyle',
          data: { style: 'a class of static methods', count: 4, total: 5, folder: 'src/services', majority: 'an object singleton' },
          line: 1,
          column: 14,
          endLine: 1,
          endColumn: 25,
        },
      ],
    },
    {
      code: 'export async function findUser(id: string) {\n  return { id };\n}\nexport const removeUser = async (id: string) => id;',
      filename,
      settings,
      errors: [
        {
          messageId: 'mixedModuleStyle',
          data: { style: 'plain functions', count: 4, total: 5, folder: 'src/services', majority: 'an object singleton' },
          line: 1,
          column: 23,
          endLine: 1,
          endColumn: 31,
        },
      ],
    },
  ],
});
