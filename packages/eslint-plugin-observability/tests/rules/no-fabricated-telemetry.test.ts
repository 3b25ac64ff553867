import { createRuleTester } from '@prodready/test-kit';

import rule from '../../src/rules/no-fabricated-telemetry.js';

const ruleTester = createRuleTester();

ruleTester.run('no-fabricated-telemetry', rule, {
  valid: [
    // measured values
    {
      code: "import express from 'express';\nconst app = express();\napp.get('/health', (req, res) => { res.json({ uptime: process.uptime(), memory: process.memoryUsage().rss }); });",
      filename: 'src/server.ts',
    },
    // computed over real data
    {
      code: 'export async function getStats() { const rows = await db.request.findMany(); return { requests: rows.length, latency: average(rows.map((row) => row.ms)) }; }',
      filename: 'src/stats.ts',
    },
    // a hard-coded number outside a telemetry-named function or route
    { code: 'export function getDefaults() { return { connections: 10 }; }', filename: 'src/config.ts' },
    // 0 and 1 are starting values
    { code: 'export function getStats() { return { requests: 0, availability: 1 }; }', filename: 'src/stats.ts' },
    // not a metric key
    { code: 'export function getStats() { return { version: 3, id: Math.random() }; }', filename: 'src/stats.ts' },
    // random values in ordinary code: not returned
    { code: 'export function getStats() { const latency = Math.random() * 100; log({ latency }); return null; }', filename: 'src/stats.ts' },
    // a same-named local `Math`
    { code: 'const Math = { random: () => 42 };\nexport function getStats() { return { latency: Math.random() }; }', filename: 'src/stats.ts' },
    // a hard-coded number in a handler whose route is not telemetry
    {
      code: "import express from 'express';\nconst app = express();\napp.get('/config', (req, res) => { res.json({ connections: 5 }); });",
      filename: 'src/server.ts',
    },
    // tests
    { code: 'export function getStats() { return { latency: Math.random() * 100 }; }', filename: 'src/stats.test.ts' },
    // type errors do not crash
    { code: 'export function getStats() { return { latency: (undefinedThing as Missing).ms }; }', filename: 'src/stats.ts' },
  ],
  invalid: [
    {
      code: "import express from 'express';\nconst app = express();\napp.get('/api/health', (req, res) => { res.json({ uptime: 99.9, latency: Math.random() * 100 }); });",
      filename: 'src/server.ts',
      errors: [
        { messageId: 'hardCodedTelemetry', data: { key: 'uptime', value: '99.9' }, line: 3, column: 59, endLine: 3, endColumn: 63 },
        { messageId: 'randomTelemetry', data: { key: 'latency' }, line: 3, column: 74, endLine: 3, endColumn: 93 },
      ],
    },
    {
      // random in any request handler; TS cast
      code: "import express from 'express';\nconst app = express();\napp.get('/dashboard', (req, res) => { res.json({ activeUsers: Math.floor(Math.random() * 500) as number }); });",
      filename: 'src/server.ts',
      errors: [{ messageId: 'randomTelemetry', data: { key: 'activeUsers' }, line: 3, column: 63, endLine: 3, endColumn: 104 }],
    },
    {
      // a telemetry-named function, arrow body
      code: 'export const getUsageMetrics = () => ({ cpuUsage: 42.5, requestsPerSecond: 1200 });',
      filename: 'src/metrics.ts',
      errors: [
        { messageId: 'hardCodedTelemetry', data: { key: 'cpuUsage', value: '42.5' }, line: 1, column: 51, endLine: 1, endColumn: 55 },
        { messageId: 'hardCodedTelemetry', data: { key: 'requestsPerSecond', value: '1200' }, line: 1, column: 76, endLine: 1, endColumn: 80 },
      ],
    },
    {
      // a class method, nested object
      code: 'export class HealthService { check() { return { status: "ok", checks: { database: { latency: 12 } } }; } getHealth() { return { checks: { database: { latency: 12 } } }; } }',
      filename: 'src/health.service.ts',
      errors: [{ messageId: 'hardCodedTelemetry', data: { key: 'latency', value: '12' }, line: 1, column: 160, endLine: 1, endColumn: 162 }],
    },
  ],
});
