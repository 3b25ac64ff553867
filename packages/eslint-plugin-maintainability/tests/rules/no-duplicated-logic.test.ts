import { join } from 'node:path';

import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-duplicated-logic.js';
import { createFixtureProject } from '../project.js';

// The fixture has one function fingerprinted twice: `applyDiscount` (src/users/user-service.ts:25)
// and its renamed copy `discountOrders` (src/orders/order-service.ts:2); the orders file sorts first.
const { root, settings } = createFixtureProject();
const filename = join(root, 'src/users/user-service.ts');
const laterFile = join(root, 'src/web/discounts.ts');
const earlierFile = join(root, 'src/billing/discounts.ts');

createRuleTester().run('no-duplicated-logic', rule, {
  valid: [
    // the original (first by path) is not reported
    {
      code: "export function discountOrders(items: { total: number; status: string }[]) {\n  let sum = 0;\n  if (items.length === 0) throw new Error('Nothing to discount.');\n  for (const item of items) {\n    if (item.status === 'settled') sum += item.total * 0.8;\n  }\n  return { count: items.length, revenue: sum };\n}",
      filename: earlierFile,
      settings,
      options: [{ minSize: 30 }],
    },
    // a different operator is different logic
    {
      code: "export function discountOrders(items: { total: number; status: string }[]) {\n  let sum = 0;\n  if (items.length === 0) throw new Error('Nothing to discount.');\n  for (const item of items) {\n    if (item.status === 'settled') sum -= item.total * 0.8;\n  }\n  return { count: items.length, revenue: sum };\n}",
      filename: laterFile,
      settings,
      options: [{ minSize: 30 }],
    },
    // a different property is different logic
    {
      code: "export function discountOrders(items: { total: number; state: string }[]) {\n  let sum = 0;\n  if (items.length === 0) throw new Error('Nothing to discount.');\n  for (const item of items) {\n    if (item.state === 'settled') sum += item.total * 0.8;\n  }\n  return { count: items.length, revenue: sum };\n}",
      filename: laterFile,
      settings,
      options: [{ minSize: 30 }],
    },
    // under the default size floor of 50 nodes
    {
      code: "export function discountOrders(items: { total: number; status: string }[]) {\n  let sum = 0;\n  if (items.length === 0) throw new Error('Nothing to discount.');\n  for (const item of items) {\n    if (item.status === 'settled') sum += item.total * 0.8;\n  }\n  return { count: items.length, revenue: sum };\n}",
      filename: laterFile,
      settings,
    },
    // silent with project facts turned off
    {
      code: "export function discountOrders(items: { total: number; status: string }[]) {\n  let sum = 0;\n  if (items.length === 0) throw new Error('Nothing to discount.');\n  for (const item of items) {\n    if (item.status === 'settled') sum += item.total * 0.8;\n  }\n  return { count: items.length, revenue: sum };\n}",
      filename: laterFile,
      settings: { prodready: { facts: false } },
      options: [{ minSize: 30 }],
    },
    // the pre-pass entries for the linted file are ignored: here the only other copy (src/users) sorts later
    {
      code: "export function applyDiscount(orders: { total: number; status: string }[]) {\n  let revenue = 0;\n  if (orders.length === 0) throw new Error('No orders to summarise.');\n  for (const order of orders) {\n    if (order.status === 'paid') revenue += order.total * 0.9;\n  }\n  return { count: orders.length, revenue };\n}",
      filename: join(root, 'src/orders/order-service.ts'),
      settings,
      options: [{ minSize: 30 }],
    },
    // type errors do not crash
    { code: 'export const total: string = missing.items.reduce((sum, item) => sum + item.price, 0) as number;', filename: laterFile, settings, options: [{ minSize: 30 }] },
  ],
  invalid: [
    {
      // the file that sorts after the original points to it
      code: "export function applyDiscount(orders: { total: number; status: string }[]) {\n  let revenue = 0;\n  if (orders.length === 0) throw new Error('No orders to summarise.');\n  for (const order of orders) {\n    if (order.status === 'paid') revenue += order.total * 0.9;\n  }\n  return { count: orders.length, revenue };\n}",
      filename,
      settings,
      options: [{ minSize: 30 }],
      errors: [
        { messageId: 'duplicatedFunction', data: { file: 'src/orders/order-service.ts', line: 2 }, line: 1, column: 17, endLine: 1, endColumn: 30 },
      ],
    },
    {
      // an arrow function with casts and optional chaining stripped of nothing but names and types
      code: "export const discount = (rows: Row[]) => {\n  let sum = 0;\n  if (rows.length === 0) throw new Error('Empty.');\n  for (const row of rows) {\n    if (row.status === 'ok') sum += (row.total as number) * 2;\n  }\n  return { count: rows.length, revenue: sum };\n};",
      filename: laterFile,
      settings,
      options: [{ minSize: 30 }],
      errors: [
        { messageId: 'duplicatedFunction', data: { file: 'src/orders/order-service.ts', line: 2 }, line: 1, column: 14, endLine: 1, endColumn: 22 },
      ],
    },
    {
      // a class method
      code: "export class Discounts {\n  apply(rows: Row[]) {\n    let sum = 0;\n    if (rows.length === 0) throw new Error('Empty.');\n    for (const row of rows) {\n      if (row.status === 'ok') sum += row.total * 2;\n    }\n    return { count: rows.length, revenue: sum };\n  }\n}",
      filename: laterFile,
      settings,
      options: [{ minSize: 30 }],
      errors: [
        { messageId: 'duplicatedFunction', data: { file: 'src/orders/order-service.ts', line: 2 }, line: 2, column: 3, endLine: 2, endColumn: 8 },
      ],
    },
  ],
});
