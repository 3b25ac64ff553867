import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface InitOptions {
  cwd: string;
  /** Replace config files that exist with different content. Default: `false`. */
  force?: boolean;
}

export type InitAction = 'created' | 'unchanged' | 'kept' | 'overwritten' | 'updated';

export interface InitStep {
  /** Path relative to `cwd`. */
  file: string;
  action: InitAction;
  /** Why a file was kept, for the user. */
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

const SCRIPT_NAME = 'check:prodready';
const SCRIPT = 'prodready check';

/**
 * `prodready init`: write `eslint.config.js` (`.mjs` in a CommonJS package), `.dependency-cruiser.cjs`
 * and a `check:prodready` script. Idempotent; a config that exists with other content is kept
 * unless `force`.
 */
export function runInit({ cwd, force = false }: InitOptions): InitStep[] {
  const pkgFile = join(cwd, 'package.json');
  const pkgText = existsSync(pkgFile) ? readFileSync(pkgFile, 'utf8') : undefined;
  const pkg = pkgText === undefined ? undefined : (JSON.parse(pkgText) as { type?: string; scripts?: Record<string, string> });
  const eslintName = pkg?.type === 'module' ? 'eslint.config.js' : 'eslint.config.mjs';
  const steps = [
    writeConfig(cwd, ESLINT_CONFIGS, eslintName, ESLINT_CONFIG, force),
    writeConfig(cwd, DEPCRUISE_CONFIGS, '.dependency-cruiser.cjs', DEPCRUISE_CONFIG, force),
  ];
  if (pkg && pkgText !== undefined) {
    if (pkg.scripts?.[SCRIPT_NAME] === undefined) {
      pkg.scripts = { ...pkg.scripts, [SCRIPT_NAME]: SCRIPT };
      const indent = /^[ \t]+/m.exec(pkgText)?.[0] ?? '  ';
      writeFileSync(pkgFile, `${JSON.stringify(pkg, undefined, indent)}\n`);
      steps.push({ file: 'package.json', action: 'updated', detail: `added the \`${SCRIPT_NAME}\` script` });
    } else {
      steps.push({ file: 'package.json', action: 'unchanged' });
    }
  }
  return steps;
}

function writeConfig(cwd: string, candidates: readonly string[], name: string, content: string, force: boolean): InitStep {
  const existing = candidates.find((candidate) => existsSync(join(cwd, candidate)));
  if (existing) {
    if (readFileSync(join(cwd, existing), 'utf8') === content) return { file: existing, action: 'unchanged' };
    if (!force) return { file: existing, action: 'kept', detail: 'it exists; add prodready to it by hand or rerun with --force' };
    writeFileSync(join(cwd, existing), content);
    return { file: existing, action: 'overwritten' };
  }
  writeFileSync(join(cwd, name), content);
  return { file: name, action: 'created' };
}
