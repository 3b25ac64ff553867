import type { TSESLint } from '@typescript-eslint/utils';

import type { Origin } from '../origin/get-origin.js';
import { getExportFact, getProjectFacts, resolveModule } from './project-facts.js';

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Follow an origin in a project module (`{ source: '../lib/db', path: ['prisma', 'user'] }`)
 * through the pre-pass facts to the library it really is
 * (`{ source: '@prisma/client', path: ['PrismaClient', 'new', 'user'], via: 'facts' }`).
 */
export function getOriginFromFacts(context: AnyContext, origin: Origin): Origin | undefined {
  const facts = getProjectFacts(context);
  if (!facts) return undefined;
  const file = resolveModule(facts, context.filename, origin.source);
  const [first, ...rest] = origin.path;
  if (!file || first === undefined) return undefined;
  const fact = getExportFact(facts, file, first);
  if (fact && fact.file === undefined) return { source: fact.source, path: [...fact.path, ...rest], via: 'facts' };
  // `const db = require('./db'); db.query()` on a CommonJS `module.exports = pool`.
  const whole = getExportFact(facts, file, 'module.exports');
  if (whole && whole.file === undefined) return { source: whole.source, path: [...whole.path, ...origin.path], via: 'facts' };
  return undefined;
}
