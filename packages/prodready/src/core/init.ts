import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ModuleGraph } from '../report/index.js';
import { proposeArchitecture } from './manifest.js';

export interface InitOptions {
  cwd: string;
  /** Replace config files that exist with different content. Default: `false`. */
  force?: boolean;
  /** The project's import graph, for the architecture manifest proposal (none without it). */
  graph?: ModuleGraph;
}

export type InitAction = 'created' | 'unchanged' | 'kept' | 'overwritten' | 'updated' | 'merged' | 'proposed';

export interface InitStep {
  /** Path relative to `cwd`. */
  file: string;
  action: InitAction;
  /** What changed, or why a file was kept, for the user. */
  detail?: string;
}

const ESLINT_CONFIGS = ['eslint.config.js', 'eslint.config.mjs', 'eslint.config.cjs', 'eslint.config.ts', 'eslint.config.mts', 'eslint.config.cts'];
const DEPCRUISE_CONFIGS = ['.dependency-cruiser.cjs', '.dependency-cruiser.js', '.dependency-cruiser.mjs', '.dependency-cruiser.json'];

const ESLINT_CONFIG = `import prodready from 'prodready';

export default prodready();
`;

const DEPCRUISE_CONFIG = `/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = { extends: 'prodready/dependency-cruiser' };
`;

const MANIFEST_FILE = 'architecture.proposal.json';
/** Scripts added when missing; an existing one of the same job (any `prodready check` script) counts. */
const SCRIPTS = { lint: 'eslint .', prodready: 'prodready check' } as const;

/**
 * `prodready init`: write `eslint.config.js` (`.mjs` in a CommonJS package) and `.dependency-cruiser.cjs`,
 * or merge prodready into the ones that exist; add `lint` and `prodready` scripts; propose an
 * architecture manifest from the import graph. Idempotent; never overwrites without `force`.
 */
export function runInit({ cwd, force = false, graph }: InitOptions): InitStep[] {
  const pkgFile = join(cwd, 'package.json');
  const pkgText = existsSync(pkgFile) ? readFileSync(pkgFile, 'utf8') : undefined;
  const pkg = pkgText === undefined ? undefined : (JSON.parse(pkgText) as { type?: string; scripts?: Record<string, string> });
  const eslintName = pkg?.type === 'module' ? 'eslint.config.js' : 'eslint.config.mjs';
  const steps = [
    writeConfig(cwd, ESLINT_CONFIGS, eslintName, ESLINT_CONFIG, force, mergeEslintConfig),
    writeConfig(cwd, DEPCRUISE_CONFIGS, '.dependency-cruiser.cjs', DEPCRUISE_CONFIG, force, mergeDepcruiseConfig),
  ];
  if (pkg && pkgText !== undefined) steps.push(addScripts(pkgFile, pkgText, pkg));
  const manifest = graph ? proposeArchitecture(graph) : undefined;
  if (manifest) steps.push(writeProposal(cwd, manifest, force));
  return steps;
}

type Merge = (text: string, file: string) => string | undefined;

function writeConfig(cwd: string, candidates: readonly string[], name: string, content: string, force: boolean, merge: Merge): InitStep {
  const existing = candidates.find((candidate) => existsSync(join(cwd, candidate)));
  if (!existing) {
    writeFileSync(join(cwd, name), content);
    return { file: name, action: 'created' };
  }
  const file = join(cwd, existing);
  const text = readFileSync(file, 'utf8');
  if (text === content || /['"]prodready(?:\/dependency-cruiser)?['"]/.test(text)) return { file: existing, action: 'unchanged', detail: text === content ? undefined : 'it already uses prodready' };
  if (force) {
    writeFileSync(file, content);
    return { file: existing, action: 'overwritten' };
  }
  const merged = merge(text, existing);
  if (merged === undefined) {
    return { file: existing, action: 'kept', detail: 'it exists and could not be merged safely; add prodready to it by hand (see `prodready init --help`) or rerun with --force' };
  }
  writeFileSync(file, merged);
  return { file: existing, action: 'merged', detail: 'added prodready before your own settings, which still win' };
}

/**
 * An ESM flat config whose default export is an array literal or a `defineConfig(...)` /
 * `tseslint.config(...)` call: prodready's items go first, so the project's items override them.
 * Anything else (CommonJS, a function, computed exports) is left to the user.
 */
function mergeEslintConfig(text: string, file: string): string | undefined {
  if (/\.c[jt]s$/.test(file) || !/^export default /m.test(text)) return undefined;
  const withImport = addImport(text, "import prodready from 'prodready';");
  if (/^export default \[/m.test(withImport)) return withImport.replace(/^export default \[/m, 'export default [\n  ...prodready(),');
  const call = /^export default ((?:defineConfig|tseslint\.config)\()/m.exec(withImport);
  if (call) return withImport.replace(call[0], `export default ${call[1]}\n  ...prodready(),`);
  return undefined;
}

/** A CommonJS `module.exports = { … }` without an `extends` of its own gets the combined preset. */
function mergeDepcruiseConfig(text: string, file: string): string | undefined {
  if (!/\.c?js$/.test(file) || /\bextends\s*:/.test(text)) return undefined;
  const match = /^module\.exports\s*=\s*\{/m.exec(text);
  if (!match) return undefined;
  return text.replace(match[0], `${match[0]}\n  extends: 'prodready/dependency-cruiser',`);
}

function addImport(text: string, line: string): string {
  const imports = [...text.matchAll(/^import[^;]*;?[ \t]*$/gm)];
  const last = imports.at(-1);
  if (!last) return `${line}\n${text}`;
  const end = last.index + last[0].length;
  return `${text.slice(0, end)}\n${line}${text.slice(end)}`;
}

function addScripts(pkgFile: string, pkgText: string, pkg: { scripts?: Record<string, string> }): InitStep {
  const scripts = { ...pkg.scripts };
  const added: string[] = [];
  if (scripts.lint === undefined) {
    scripts.lint = SCRIPTS.lint;
    added.push('lint');
  }
  if (!Object.values(scripts).some((script) => /\bprodready check\b/.test(script))) {
    scripts.prodready = SCRIPTS.prodready;
    added.push('prodready');
  }
  if (added.length === 0) return { file: 'package.json', action: 'unchanged' };
  const indent = /^[ \t]+/m.exec(pkgText)?.[0] ?? '  ';
  writeFileSync(pkgFile, `${JSON.stringify({ ...pkg, scripts }, undefined, indent)}\n`);
  return { file: 'package.json', action: 'updated', detail: `added the ${added.map((name) => `\`${name}\``).join(' and ')} ${added.length === 1 ? 'script' : 'scripts'}` };
}

function writeProposal(cwd: string, proposal: NonNullable<ReturnType<typeof proposeArchitecture>>, force: boolean): InitStep {
  const file = join(cwd, MANIFEST_FILE);
  const content = `${JSON.stringify(proposal.manifest, undefined, 2)}\n`;
  const detail = `${proposal.manifest.layers.length} layers from the import graph${proposal.against > 0 ? `, ${proposal.against} imports go against them today` : ''}; review it, save it as architecture.json and compile it with compileArchitecture`;
  if (existsSync(join(cwd, 'architecture.json'))) return { file: 'architecture.json', action: 'unchanged' };
  if (existsSync(file)) {
    const current = readFileSync(file, 'utf8');
    if (current === content) return { file: MANIFEST_FILE, action: 'unchanged' };
    if (!force) return { file: MANIFEST_FILE, action: 'kept', detail: 'it exists; rerun with --force to propose again' };
  }
  writeFileSync(file, content);
  return { file: MANIFEST_FILE, action: 'proposed', detail };
}
