import type { CommandName } from './args.js';

const MAIN = `Usage: prodready <command> [options]

Find what AI-written server code gets wrong before production, scored across seven gaps
(architecture, security, tests, scalability, maintainability, observability, coherence).

Commands:
  check [paths]   Lint and cruise the project, print the seven-gap scorecard
  facts           Write the project-facts pre-pass file (.prodready/facts.json)
  init            Write eslint.config.js and .dependency-cruiser.cjs for prodready

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

Options:
  -f, --format <text|json>  Output format (default: text); json has a \`version\` field
  -q, --quiet               Print only the scorecard, not each finding
      --no-graph            Skip dependency-cruiser (gaps 1 and 7)
  -C, --cwd <folder>        Check this project folder instead of the current one
  -h, --help                Show this help

Exit codes: 0 no errors, 1 errors found, 2 usage or configuration error.
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

Write eslint.config.js (eslint.config.mjs in a CommonJS package), .dependency-cruiser.cjs and a
\`check:prodready\` script. Safe to run twice; existing config files are kept.

Options:
      --force         Overwrite existing config files
  -C, --cwd <folder>  The project folder (default: the current one)
  -h, --help          Show this help
`,
};

export function getHelp(topic?: CommandName): string {
  return topic ? COMMANDS[topic] : MAIN;
}
