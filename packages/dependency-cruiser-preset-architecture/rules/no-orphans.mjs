import {
  CONFIG_FILE,
  DECLARATION_FILE,
  FRAMEWORK_ENTRY,
  MIGRATION_OR_SEED,
  PUBLIC_ASSET,
  SCRIPT,
  SPEC_FILE,
  TEST_FOLDER,
  TEST_TOOLING_FILE,
} from '../lib/patterns.mjs';

export default {
  name: 'no-orphans',
  comment:
    'Nothing imports this module and it imports nothing: it is dead code, or a second copy of ' +
    'something the app really uses, and changes made to it never reach production. Delete it or wire ' +
    'it in. Config files, framework file-system entries (Next.js `app/`/`pages/`), migrations, seeds, ' +
    'scripts, `public/` files, tests and `.d.ts` files are not checked; add a `pathNot` override for other entry points.',
  severity: 'warn',
  from: {
    orphan: true,
    pathNot: [
      CONFIG_FILE,
      DECLARATION_FILE,
      FRAMEWORK_ENTRY,
      MIGRATION_OR_SEED,
      PUBLIC_ASSET,
      SCRIPT,
      SPEC_FILE,
      TEST_FOLDER,
      TEST_TOOLING_FILE,
    ],
  },
  to: {},
};
