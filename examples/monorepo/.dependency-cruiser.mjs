// One cruise over every workspace package: the architecture rules, the coherence rules with the
// project's choices written down, and the rules that keep the packages apart.
import architecture, { compileWorkspaces, readWorkspaces } from '@prodready/dependency-cruiser-preset-architecture';
import { createCoherencePreset } from '@prodready/dependency-cruiser-preset-coherence';

const rootDir = import.meta.dirname;
const workspaces = readWorkspaces(rootDir);
const coherence = createCoherencePreset({ logger: 'pino', orm: 'prisma', dataLayer: 'packages/db/**' });

// This example lives inside the prodready repository and is never installed, so the packages its
// workspaces declare (express, pino, …) do not resolve: they are not `not-to-unresolvable` findings, and
// the coherence rules, which match installed paths (`node_modules/winston/…`), also match the bare
// specifier (`winston`). An installed monorepo needs none of this.
const workspaceNames = new Set(workspaces.map(({ name }) => name));
const declared = [...new Set(workspaces.flatMap(({ dependencies }) => dependencies))].filter((name) => !workspaceNames.has(name));
const unresolvable = architecture.forbidden.find(({ name }) => name === 'not-to-unresolvable');
const notInstalledHere = `^(?:${declared.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(?:/|$)`;

function matchBareSpecifier(pattern) {
  return pattern.replace('(?:^|/)node_modules/', '(?:^|/node_modules/)');
}

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  extends: 'prodready/dependency-cruiser',
  forbidden: [
    ...coherence.forbidden.map((rule) => ({ ...rule, to: { ...rule.to, path: [rule.to.path].flat().map(matchBareSpecifier) } })),
    ...compileWorkspaces(workspaces, { rootDir }).forbidden,
    { ...unresolvable, to: { ...unresolvable.to, pathNot: [unresolvable.to.pathNot, notInstalledHere].flat() } },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    // Build output is never cruised: the workspace packages are resolved to their sources.
    exclude: { path: '(?:^|/)(?:node_modules|dist|build|coverage)/' },
  },
};
