import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-mixed-failure-contracts.js';

createRuleTester().run('no-mixed-failure-contracts', rule, {
  valid: [
    // one contract: every function throws
    { code: "export function findUser(id: string) {\n  if (!id) throw new Error('No id.');\n  return { id };\n}\nexport function removeUser(id: string) {\n  if (!id) throw new Error('No id.');\n}" },
    // `null` outside a catch means "not found", not failure
    { code: "export function findUser(id: string) {\n  if (!id) return null;\n  return { id };\n}\nexport function removeUser(id: string) {\n  if (!id) throw new Error('No id.');\n}" },
    // a throw caught inside the function is not its contract
    { code: "export function parseUser(text: string) {\n  try {\n    if (!text) throw new Error('Empty.');\n    return { user: JSON.parse(text) };\n  } catch (error) {\n    return { error };\n  }\n}\nexport function loadUser(id: string) {\n  return { error: 'Missing.' };\n}" },
    // `{ data, error: null }` is the success shape of a result contract
    { code: "export function findUser(id: string) {\n  return { data: { id }, error: null };\n}\nexport function removeUser(id: string) {\n  if (!id) throw new Error('No id.');\n}" },
    // non-exported helpers are not the module's contract
    { code: "function check(id: string) {\n  if (!id) throw new Error('No id.');\n}\nexport function findUser(id: string) {\n  try { check(id); } catch { return { error: 'Invalid id.' }; }\n  return { id };\n}" },
    // a throw in a nested callback belongs to the callback
    { code: "export function findUsers(ids: string[]) {\n  ids.forEach((id) => { if (!id) throw new Error('No id.'); });\n  return { error: 'Not implemented.' };\n}\nexport function removeUser() {\n  return { success: false };\n}" },
    // test files
    { code: "export function a() { throw new Error('x'); }\nexport function b() { return { error: 'x' }; }", filename: 'user.test.ts' },
    // type errors do not crash
    { code: 'export const findUser = (id: string): number => ({ error: missing as string }) satisfies Result;' },
  ],
  invalid: [
    {
      code: "export async function getUser(id: string) {\n  const user = await db.find(id);\n  if (!user) throw new Error('User not found.');\n  return user;\n}\nexport async function listUsers() {\n  throw new Error('Database unavailable.');\n}\nexport async function createUser(input: unknown) {\n  if (!input) return { error: 'Invalid input.' };\n  return { user: input };\n}",
      errors: [
        {
          messageId: 'mixedFailureContract',
          data: { contract: 'returning an `{ error }` object', count: 2, total: 3, majority: 'throwing' },
          line: 9,
          column: 23,
          endLine: 9,
          endColumn: 33,
        },
      ],
    },
    {
      // `null` from a catch, arrow functions, TS casts
      code: "export const loadSettings = async () => {\n  try {\n    return (await readSettings()) as Settings;\n  } catch {\n    return null;\n  }\n};\nexport const saveSettings = async (settings: Settings) => {\n  if (!settings) throw new Error('No settings.');\n};",
      errors: [
        {
          messageId: 'mixedFailureContract',
          data: { contract: 'throwing', count: 1, total: 2, majority: 'returning `null` from a `catch`' },
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 26,
        },
      ],
    },
    {
      // public methods of an exported class; `{ success: false }` is a result
      code: "export class UserService {\n  async create(input: unknown) {\n    if (!input) return { success: false, message: 'Invalid.' };\n    return { success: true };\n  }\n  async remove(id: string) {\n    if (!id) throw new Error('No id.');\n  }\n  private check() {\n    throw new Error('x');\n  }\n}",
      errors: [
        {
          messageId: 'mixedFailureContract',
          data: { contract: 'throwing', count: 1, total: 2, majority: 'returning an `{ error }` object' },
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 15,
        },
      ],
    },
  ],
});
