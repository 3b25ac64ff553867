import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

import { type FunctionNode, getFunctionFingerprint } from '../ast/get-function-fingerprint.js';
import { getStaticPropertyName } from '../ast/get-static-property-name.js';
import { isGeneratedFile } from '../ast/is-generated-file.js';
import { isInTestFile } from '../frameworks/is-test-file.js';
import { getOrigin } from '../origin/get-origin.js';
import { isLocalSource } from '../origin/normalise-source.js';
import {
  type AliasFact,
  type ExportFact,
  FACTS_VERSION,
  FINGERPRINT_MIN_SIZE,
  type FunctionFact,
  type ModuleFacts,
  type NamingFacts,
  type ProjectFacts,
  resolveModule,
  toRootRelative,
} from './project-facts.js';
import { type ModuleStyle, getModuleStyle } from './module-style.js';
import { getFileNamingConvention, getNamingSamples } from './naming.js';

export interface CollectOptions {
  /** Absolute project root; module keys are relative to it. */
  root: string;
  /** Absolute paths of the files to summarise. */
  files: readonly string[];
  /** An ESLint parser able to read the files (typically `typescript-eslint`'s `parser`). */
  parser: Linter.Parser;
}

/** What one file contributes to the project facts; cached per file by content (see `getAutoFacts`). */
export interface FileFacts {
  /** Exported names and their origins as written (local specifiers unresolved). */
  readonly exports: Readonly<Record<string, ExportFact>>;
  /** `export * from '…'` specifiers, unresolved. */
  readonly reexportAll: readonly string[];
  /** Naming convention counts per kind (`{ functions: { camelCase: 3 } }`). */
  readonly names: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Functions at or above `FINGERPRINT_MIN_SIZE` nodes. */
  readonly functions: readonly { readonly hash: string; readonly line: number; readonly size: number }[];
  readonly moduleStyle?: ModuleStyle;
}

interface Extraction {
  exports: Record<string, ExportFact>;
  reexportAll: string[];
  names: Record<string, Record<string, number>>;
  functions: { hash: string; line: number; size: number }[];
  moduleStyle?: ModuleStyle;
}

let current: Extraction = { exports: {}, reexportAll: [], names: {}, functions: [] };
let currentKey = '';

const collector: TSESLint.RuleModule<never, []> = {
  defaultOptions: [],
  meta: { type: 'problem', schema: [], messages: {} },
  create(context) {
    const record = (name: string, node: TSESTree.Node): void => {
      if (name === '__proto__') return; // would set the record's prototype, not an entry
      const origin = getOrigin(context, node);
      if (origin) current.exports[name] = { source: origin.source, path: origin.path };
    };
    const recordSource = (name: string, specifier: string, path: string[]): void => {
      if (name === '__proto__') return;
      current.exports[name] = { source: specifier, path };
    };
    // Naming and fingerprint facts, in the same traversal (generated code follows its generator's conventions).
    const generated = isGeneratedFile(context);
    const checkFunctionNames = !/\.[jt]sx$/.test(currentKey);
    const fingerprint = !generated && !isInTestFile(context);
    const recordNames = (node: TSESTree.Node): void => {
      if (generated) return;
      for (const sample of getNamingSamples(node, checkFunctionNames)) {
        const counts = (current.names[sample.kind] ??= {});
        counts[sample.convention] = (counts[sample.convention] ?? 0) + 1;
      }
    };
    const recordFunction = (node: FunctionNode): void => {
      if (!fingerprint) return;
      const found = getFunctionFingerprint(node, context.sourceCode.visitorKeys, FINGERPRINT_MIN_SIZE);
      if (found) current.functions.push({ hash: found.hash, line: node.loc.start.line, size: found.size });
    };
    return {
      Program(node): void {
        if (generated || isInTestFile(context)) return;
        const style = getModuleStyle(node)?.style;
        if (style) current.moduleStyle = style;
      },
      FunctionDeclaration(node): void {
        recordNames(node);
        recordFunction(node);
      },
      'FunctionExpression, ArrowFunctionExpression'(node: FunctionNode): void {
        recordFunction(node);
      },
      ClassDeclaration: recordNames,
      VariableDeclarator: recordNames,
      ExportNamedDeclaration(node): void {
        if (node.source) {
          for (const spec of node.specifiers) {
            recordSource(getName(spec.exported), node.source.value, [getName(spec.local)]);
          }
          return;
        }
        if (node.declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
          for (const declarator of node.declaration.declarations) {
            if (declarator.id.type === AST_NODE_TYPES.Identifier) record(declarator.id.name, declarator.id);
          }
        }
        for (const spec of node.specifiers) {
          if (spec.local.type === AST_NODE_TYPES.Identifier) record(getName(spec.exported), spec.local);
        }
      },
      ExportAllDeclaration(node): void {
        if (node.exported) recordSource(getName(node.exported), node.source.value, []);
        else current.reexportAll.push(node.source.value);
      },
      ExportDefaultDeclaration(node): void {
        const declaration = node.declaration;
        if (declaration.type !== AST_NODE_TYPES.FunctionDeclaration && declaration.type !== AST_NODE_TYPES.ClassDeclaration) {
          record('default', declaration);
        }
      },
      AssignmentExpression(node): void {
        // CommonJS: `module.exports = pool`, `module.exports = { prisma }`, `exports.db = …`.
        const target = getCommonJsTarget(node.left);
        if (target === undefined || node.parent.type !== AST_NODE_TYPES.ExpressionStatement) return;
        if (target === 'module.exports' && node.right.type === AST_NODE_TYPES.ObjectExpression) {
          for (const property of node.right.properties) {
            if (property.type !== AST_NODE_TYPES.Property) continue;
            const key = getStaticPropertyName(property);
            if (key !== undefined) record(key, property.value);
          }
          return;
        }
        record(target, node.right);
      },
    };
  },
};

const configs = new WeakMap<Linter.Parser, Linter.Config[]>();
const linters = new Map<string, Linter>();

/**
 * One file's facts: a parse plus scope analysis and a single traversal by the collector rule
 * (the same cost as linting the file with one rule). `root` is the project root the file's
 * key is relative to; `undefined` when the file does not parse with `parser`.
 */
export function extractFileFacts(root: string, file: string, text: string, parser: Linter.Parser): FileFacts | undefined {
  let config = configs.get(parser);
  if (!config) {
    config = [
      {
        // Explicit extensions: ESLint does not count `**/*` as a file match.
        files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
        languageOptions: { parser, sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
        // The collector's own `getOrigin` must not ask for project facts: they are being built.
        settings: { prodready: { facts: false } },
        plugins: { facts: { rules: { collect: collector as never } } },
        rules: { 'facts/collect': 'error' },
      },
    ];
    configs.set(parser, config);
  }
  let linter = linters.get(root);
  if (!linter) {
    linter = new Linter({ configType: 'flat', cwd: root });
    linters.set(root, linter);
  }
  current = { exports: {}, reexportAll: [], names: {}, functions: [] };
  currentKey = toRootRelative({ root }, file);
  const messages = linter.verify(text, config, { filename: file });
  if (messages.some((message) => message.fatal)) return undefined;
  return current;
}

/**
 * The `prodready facts` pre-pass: summarise what each project module exports (by origin),
 * so rules can follow `import { prisma } from '@/lib/db'` into `@prisma/client` without
 * reading other files. Runs the kit's own `getOrigin` over each file's exports.
 */
export function collectProjectFacts({ root, files, parser }: CollectOptions): ProjectFacts {
  const entries = new Map<string, FileFacts>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    entries.set(toRootRelative({ root }, file), extractFileFacts(root, file, text, parser) ?? EMPTY_FILE_FACTS);
  }
  return buildProjectFacts(root, entries);
}

/** Facts of a file that does not parse: it still exists for module resolution. */
export const EMPTY_FILE_FACTS: FileFacts = { exports: {}, reexportAll: [], names: {}, functions: [] };

/**
 * Merge per-file facts (keyed by root-relative POSIX path) into the project facts: local
 * specifiers resolved to module keys, naming and module-style counts summed per kind and folder,
 * fingerprints grouped by hash.
 */
export function buildProjectFacts(root: string, entries: ReadonlyMap<string, FileFacts>): ProjectFacts {
  const aliases = readAliases(root);
  const keys = [...entries.keys()].sort();
  const identifiers: Record<string, Record<string, number>> = {};
  const fileNames: Record<string, Record<string, number>> = {};
  const moduleStyles: Record<string, Record<string, number>> = {};
  const functions: Record<string, FunctionFact[]> = {};
  const skeleton: ProjectFacts = {
    version: FACTS_VERSION,
    root,
    aliases,
    dependencies: [],
    modules: Object.fromEntries(keys.map((key) => [key, { exports: {} }])),
  };
  const modules: Record<string, ModuleFacts> = {};
  for (const key of keys) {
    const entry = entries.get(key) as FileFacts;
    const folder = key.includes('/') ? key.slice(0, key.lastIndexOf('/')) : '';
    for (const [kind, counts] of Object.entries(entry.names)) {
      const total = (identifiers[kind] ??= {});
      for (const [convention, count] of Object.entries(counts)) total[convention] = (total[convention] ?? 0) + count;
    }
    const convention = getFileNamingConvention(key);
    if (convention) {
      const counts = (fileNames[folder] ??= {});
      counts[convention] = (counts[convention] ?? 0) + 1;
    }
    if (entry.moduleStyle) {
      const counts = (moduleStyles[folder] ??= {});
      counts[entry.moduleStyle] = (counts[entry.moduleStyle] ?? 0) + 1;
    }
    for (const fn of entry.functions) (functions[fn.hash] ??= []).push({ file: key, line: fn.line, size: fn.size });
    // Resolve local specifiers to module keys now that every module is known.
    const from = join(root, key);
    const exports: Record<string, ExportFact> = {};
    for (const [name, origin] of Object.entries(entry.exports)) {
      if (!isLocalSource(origin.source)) {
        exports[name] = { source: origin.source, path: origin.path };
        continue;
      }
      const file = resolveModule(skeleton, from, origin.source);
      if (file) exports[name] = { source: origin.source, path: origin.path, file };
    }
    const reexportAll = entry.reexportAll
      .map((specifier) => resolveModule(skeleton, from, specifier))
      .filter((file): file is string => file !== undefined);
    // Modules without facts still matter for resolution (`./x.js` → `x.ts`), so they stay, empty.
    modules[key] = {
      exports,
      ...(reexportAll.length > 0 ? { reexportAll } : {}),
      ...(entry.moduleStyle ? { style: entry.moduleStyle } : {}),
    };
  }
  const naming: NamingFacts = { identifiers, files: fileNames };
  return { version: FACTS_VERSION, root, aliases, dependencies: readDependencies(root), modules, naming, functions, moduleStyles };
}

/** Every package the root `package.json` declares, so rules can ask "does this project use pino?". */
export function readDependencies(root: string): string[] {
  const file = resolve(root, 'package.json');
  if (!existsSync(file)) return [];
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string> | undefined>;
    const fields = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
    return [...new Set(fields.flatMap((field) => Object.keys(manifest[field] ?? {})))].sort();
  } catch {
    return [];
  }
}

function getName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === AST_NODE_TYPES.Identifier ? node.name : node.value;
}

function getCommonJsTarget(left: TSESTree.Node): string | undefined {
  if (left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = getStaticPropertyName(left);
  const object = left.object;
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'module' && name === 'exports') return 'module.exports';
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'exports') return name;
  if (
    object.type === AST_NODE_TYPES.MemberExpression &&
    object.object.type === AST_NODE_TYPES.Identifier &&
    object.object.name === 'module' &&
    getStaticPropertyName(object) === 'exports'
  ) {
    return name;
  }
  return undefined;
}

/**
 * tsconfig/jsconfig `compilerOptions.paths` (relative to `baseUrl`) as alias facts.
 * `extends` chains are not followed; a project that keeps paths in a base config can
 * repeat them or pass `--tsconfig` to the pre-pass (roadmap).
 */
export function readAliases(root: string): AliasFact[] {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const file = resolve(root, name);
    if (!existsSync(file)) continue;
    let config: { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } };
    try {
      config = JSON.parse(stripJsonComments(readFileSync(file, 'utf8'))) as typeof config;
    } catch {
      return [];
    }
    const baseUrl = config.compilerOptions?.baseUrl ?? '.';
    const base = toRootRelative({ root }, resolve(dirname(file), baseUrl));
    return Object.entries(config.compilerOptions?.paths ?? {}).map(([pattern, targets]) => ({
      prefix: pattern.replace(/\*$/, ''),
      targets: targets.map((target) => {
        const joined = toRootRelative({ root }, resolve(root, base, target.replace(/\*$/, '')));
        return target.endsWith('*') && joined !== '' ? `${joined}/` : joined;
      }),
    }));
  }
  return [];
}

/** Drop `//` and `/* *\/` comments and trailing commas outside strings (tsconfig is JSONC). */
function stripJsonComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    const next = text[i + 1];
    if (inString) {
      out += char;
      if (char === '\\') {
        out += next ?? '';
        i += 1;
      } else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i += 1;
      out += '\n';
    } else if (char === '/' && next === '*') {
      i = text.indexOf('*/', i + 2) + 1;
      if (i === 0) break;
    } else out += char;
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}
