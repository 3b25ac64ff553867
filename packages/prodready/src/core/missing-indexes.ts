import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { getDataAccess, getStaticPropertyName, isTestFile, type TSESLint, type TSESTree } from '@prodready/eslint-rule-kit';
import { Linter } from 'eslint';
import { parser } from 'typescript-eslint';

/** A field that queries filter on and no index of its model starts with. */
export interface MissingIndex {
  /** The Prisma model name as the schema writes it (`Post`). */
  readonly model: string;
  readonly field: string;
  /** Root-relative POSIX path of the first query that filters on it. */
  readonly file: string;
  /** 1-based line of the field in that query's `where`. */
  readonly line: number;
}

export interface FindMissingIndexesOptions {
  /** Absolute project root; `schema.prisma` files and sources are found under it. */
  readonly root: string;
}

/** One model of a Prisma schema: its scalar fields and the fields an index starts with. */
interface PrismaModel {
  readonly name: string;
  readonly scalars: ReadonlySet<string>;
  readonly indexed: ReadonlySet<string>;
}

interface Usage {
  readonly accessor: string;
  readonly keys: ReadonlyArray<{ readonly field: string; readonly line: number }>;
}

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'vendor', 'generated']);
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED_FILE = /\.d\.[cm]?ts$|[.-]min\.[cm]?js$|\.bundle\.[cm]?js$/;
const MAX_FILE_SIZE = 512 * 1024;
const MODEL_BLOCK = /^[ \t]*model[ \t]+(\w+)[ \t]*\{([\s\S]*?)^[ \t]*\}/gm;
const FIELD_LINE = /^(\w+)\s+(\w+)(\[\])?\??(?:\s+(.*))?$/;
const BLOCK_INDEX = /^@@(?:id|unique|index)\s*\(\s*(?:fields\s*:\s*)?\[\s*(\w+)/;
const FIELD_INDEX = /(?:^|\s)@(?:id|unique)\b/;
const SCALAR_TYPES = new Set(['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes']);
const LOGICAL = new Set(['AND', 'OR']);

/**
 * Fields that Prisma queries filter on (`where: { status }`) while the model has no index that
 * starts with them (`@id`, `@unique`, `@@id`, `@@unique` or `@@index` with the field first), so
 * the database scans the whole table. A `where` level that already names an indexed field is
 * covered by that index; each `OR` branch needs its own. Queries are found through the kit's
 * data-access model (by import origin), in non-test sources under `root`; each model field is
 * reported once, at its first use in path order. Deterministic: sorted by file, line, model, field.
 */
export function findMissingIndexes({ root }: FindMissingIndexesOptions): MissingIndex[] {
  const { schemas, sources } = listFiles(root);
  const models = new Map<string, PrismaModel>();
  for (const schema of schemas) {
    for (const model of parsePrismaSchema(readFileSync(join(root, schema), 'utf8'))) models.set(model.name, model);
  }
  if (models.size === 0) return [];
  const byAccessor = new Map<string, PrismaModel>();
  for (const model of models.values()) byAccessor.set(model.name.charAt(0).toLowerCase() + model.name.slice(1), model);

  const seen = new Set<string>();
  const found: MissingIndex[] = [];
  const linter = new Linter({ configType: 'flat', cwd: root });
  for (const file of sources) {
    const text = readFileSync(join(root, file), 'utf8');
    if (!text.includes('where')) continue;
    for (const usage of collectUsages(linter, root, file, text)) {
      const model = byAccessor.get(usage.accessor);
      // A lookup that names an indexed field is narrowed by that index first.
      if (!model || usage.keys.some(({ field }) => model.indexed.has(field))) continue;
      for (const { field, line } of usage.keys) {
        const key = `${model.name}.${field}`;
        if (!model.scalars.has(field) || seen.has(key)) continue;
        seen.add(key);
        found.push({ model: model.name, field, file, line });
      }
    }
  }
  return found.sort(
    (a, b) =>
      compare(a.file, b.file) || a.line - b.line || compare(a.model, b.model) || compare(a.field, b.field),
  );
}

/** The models of a Prisma schema file: scalar fields and the first column of every index. */
export function parsePrismaSchema(text: string): PrismaModel[] {
  const source = text.replace(/\/\/.*$/gm, '');
  const blocks = [...source.matchAll(MODEL_BLOCK)];
  const modelNames = new Set(blocks.map((block) => block[1] as string));
  return blocks.map(([, name, body]) => {
    const scalars = new Set<string>();
    const indexed = new Set<string>();
    for (const raw of (body ?? '').split('\n')) {
      const line = raw.trim();
      if (line.startsWith('@@')) {
        const first = BLOCK_INDEX.exec(line)?.[1];
        if (first) indexed.add(first);
        continue;
      }
      const match = FIELD_LINE.exec(line);
      if (!match) continue;
      const [, field, type, list, attributes = ''] = match as unknown as [string, string, string, string | undefined, string?];
      const isRelation = modelNames.has(type) || attributes.includes('@relation');
      // Enums and composite types are scalars here: anything that is not another model.
      if (!isRelation && !list && (SCALAR_TYPES.has(type) || !modelNames.has(type))) scalars.add(field);
      if (FIELD_INDEX.test(attributes)) indexed.add(field);
    }
    return { name: name as string, scalars, indexed };
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `.prisma` files and non-test JS/TS sources under `root`, root-relative POSIX paths, sorted. */
function listFiles(root: string): { schemas: string[]; sources: string[] } {
  const schemas: string[] = [];
  const sources: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const key = prefix + entry.name;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) walk(join(dir, entry.name), `${key}/`);
      } else if (entry.isFile() && entry.name.endsWith('.prisma')) {
        schemas.push(key);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !SKIPPED_FILE.test(entry.name) && !isTestFile(key)) {
        if (statSync(join(dir, entry.name)).size <= MAX_FILE_SIZE) sources.push(key);
      }
    }
  };
  walk(root, '');
  return { schemas: schemas.sort(compare), sources: sources.sort(compare) };
}

let usages: Usage[] = [];

const collector: TSESLint.RuleModule<'never'> = {
  defaultOptions: [],
  meta: { type: 'suggestion', schema: [], messages: { never: 'never reported' } },
  create(context) {
    return {
      CallExpression(node): void {
        const access = getDataAccess(context, node);
        if (access?.library !== 'prisma' || access.model === undefined || !access.options) return;
        const options = access.options;
        if (options.type !== 'ObjectExpression') return;
        const where = getProperty(options, 'where');
        if (where?.type !== 'ObjectExpression') return;
        for (const keys of getConjunctions(where)) usages.push({ accessor: access.model, keys });
      },
    };
  },
};

/** The Prisma queries of one file and the fields of each `where` level (one level per `OR` branch). */
function collectUsages(linter: Linter, root: string, file: string, text: string): Usage[] {
  usages = [];
  const config: Linter.Config[] = [
    {
      files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
      languageOptions: { parser: parser as Linter.Parser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { indexes: { rules: { collect: collector as never } } },
      rules: { 'indexes/collect': 'error' },
    },
  ];
  linter.verify(text, config, { filename: join(root, file) });
  const result = usages;
  usages = [];
  return result;
}

function getProperty(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type === 'Property' && getStaticPropertyName(property) === name) return property.value;
  }
  return undefined;
}

/**
 * The field sets a `where` object filters on together: its own fields with `AND` folded in, and
 * when it has `OR` branches, each branch joined with those fields (each branch is a separate
 * lookup for the database). `NOT` is skipped: a negation rarely uses an index.
 */
function getConjunctions(where: TSESTree.ObjectExpression): Array<Array<{ field: string; line: number }>> {
  const own: Array<{ field: string; line: number }> = [];
  const branches: Array<Array<{ field: string; line: number }>> = [];
  const visit = (object: TSESTree.ObjectExpression): void => {
    for (const property of object.properties) {
      if (property.type !== 'Property') continue;
      const name = getStaticPropertyName(property);
      if (name === undefined || name === 'NOT') continue;
      if (LOGICAL.has(name)) {
        const parts = property.value.type === 'ArrayExpression' ? property.value.elements : [property.value];
        for (const part of parts) {
          if (part?.type !== 'ObjectExpression') continue;
          if (name === 'AND') visit(part);
          else branches.push(...getConjunctions(part));
        }
        continue;
      }
      own.push({ field: name, line: property.key.loc.start.line });
    }
  };
  visit(where);
  return branches.length === 0 ? [own] : branches.map((branch) => [...own, ...branch]);
}
