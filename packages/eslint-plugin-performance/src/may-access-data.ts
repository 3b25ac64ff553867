import { getProjectFacts, type TSESLint } from '@prodready/eslint-rule-kit';

const DATA_PACKAGES = /prisma|drizzle-orm|sequelize|typeorm|mongoose|mongodb|knex|supabase|['"](?:pg|pg-pool|mysql2(?:\/promise)?|better-sqlite3)['"]/;

/**
 * Text fast path: without type information or project facts a client is only recognised
 * when its package is imported in this file, so a file that names none of them cannot report.
 */
export function mayAccessData(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  // Types or project facts can resolve a client imported from a project module (`@/lib/db`).
  return (
    context.sourceCode.parserServices?.program != null ||
    DATA_PACKAGES.test(context.sourceCode.text) ||
    getProjectFacts(context) !== undefined
  );
}
