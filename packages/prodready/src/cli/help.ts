import type { CommandName } from './args.js';

const MAIN = `Usage: prodready <command> [options]

Find what AI-written server code gets wrong before production, scored across seven gaps
(architecture, security, tests, scalability, maintainability, observability, coherence).

Commands:
  check [paths]   Lint and cruise the project, print the seven-gap scorecard
  baseline        Record today's findings so only new ones fail (adopting on an existing codebase)
  explain <name>  What a rule or gap catches, why, and how to fix it
  facts           Write the project-facts pre-pass file (.prodready/facts.json)
  init            Set a project up: configs, scripts, an architecture manifest proposal

Options:
  -h, --help      Show help (also \`prodready <command> --help\`)
  -v, --version   Print the version

Exit codes: 0 no errors, 1 errors found, 2 usage or configuration error.
`;

const COMMANDS: Record<CommandName, string> = {
  check: `Usage: prodready check [paths...] [options]

Run ESLint (the project's eslint.config.* if it has one, else prodready's config), the
dependency-cruiser presets and project-level checks on paths (default: .), and print the
seven-gap scorecard.

With a baseline (\`prodready baseline\`), findings it records are counted but never fail the run;
new ones do, and fixed ones are reported.

Options:
  -f, --format <name>   text (default), json (versioned schema), sarif (GitHub code scanning),
                        markdown (PR comment), github (workflow annotations), html (report page)
  -o, --output <file>   Write the report to a file instead of stdout
  -q, --quiet           Print only the scorecard, not each finding (text)
      --no-graph        Skip dependency-cruiser (gaps 1 and 7)
      --no-baseline     Ignore the baseline files: report and fail on every finding
  -C, --cwd <folder>    Check this project folder instead of the current one
  -h, --help            Show this help

Progress (phase, files, elapsed) is shown on stderr when it is a terminal and CI is not set.
Exit codes: 0 no errors, 1 errors found, 2 usage or configuration error.
`,
  baseline: `Usage: prodready baseline [options]

Check the whole project and record every finding, so \`prodready check\` fails only on new ones:
  eslint-suppressions.json                    ESLint's bulk suppressions (eslint itself honours it)
  .dependency-cruiser-known-violations.json   dependency-cruiser's known violations (--ignore-known)
  .prodready/baseline.json                    project-level findings
Commit them. Rerun after fixing findings to tighten the baseline.

Options:
      --no-graph      Skip dependency-cruiser (gaps 1 and 7)
  -C, --cwd <folder>  The project folder (default: the current one)
  -h, --help          Show this help
`,
  explain: `Usage: prodready explain <rule-or-gap> | --list

What a rule or a gap catches, why it matters in production, and how to fix it. A rule is named
by its id (@prodready/security/no-secret-fallback), without the scope (security/no-secret-fallback)
or by its short name (no-secret-fallback); a gap by key, number or plugin area (security, 2, performance).

Options:
  -l, --list   List the gaps and their rules
  -h, --help   Show this help
`,
  facts: `Usage: prodready facts [options]

Write the project-facts pre-pass file that lets rules follow imports across files (for
example \`import { prisma } from '@/lib/db'\`). Run it before \`eslint\` in CI and editors.

Options:
  -o, --out <file>    Where to write (default: .prodready/facts.json)
  -C, --cwd <folder>  The project folder (default: the current one)
  -h, --help          Show this help
`,
  init: `Usage: prodready init [options]

Set a project up for prodready. Safe to run twice; prints what it did to each file.
  eslint.config.js             created (eslint.config.mjs in a CommonJS package), or prodready merged
                               into an existing ESM config: \`...prodready()\` first, your items after
  .dependency-cruiser.cjs      created, or \`extends: 'prodready/dependency-cruiser'\` merged in
  package.json                 \`lint\` and \`prodready\` scripts added when missing
  architecture.proposal.json   layers proposed from today's import graph (folders under src/)
A config that cannot be merged safely is kept as it is, with a note; --force overwrites it.

Options:
      --force         Overwrite config files that exist
  -C, --cwd <folder>  The project folder (default: the current one)
  -h, --help          Show this help
`,
};

export function getHelp(topic?: CommandName): string {
  return topic ? COMMANDS[topic] : MAIN;
}
