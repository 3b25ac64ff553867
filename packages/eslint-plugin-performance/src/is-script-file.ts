import { getRelativeFilename, type TSESLint } from '@prodready/eslint-rule-kit';

// Seeds, migrations and one-off scripts read whole tables and loop over rows on purpose.
const SCRIPT_FILE = /(?:^|[\\/])(?:scripts?|seeds?|seeders?|migrations?)[\\/]|(?:^|[\\/])seed\.[cm]?[jt]s$/;

/** `true` for seed, migration and script files, which run once and not per request. */
export function isScriptFile(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): boolean {
  return SCRIPT_FILE.test(getRelativeFilename(context));
}
