import { ESLintUtils } from '@typescript-eslint/utils';

/** How strongly a rule is recommended; configs are derived from this. */
export type RecommendedLevel = 'recommended' | 'strict' | false;

/** Extra `meta.docs` fields every prodready rule declares. */
export interface ProdreadyDocs {
  /** `'recommended'` (high precision), `'strict'` (opinionated or noisier) or `false` (opt-in). */
  recommended: RecommendedLevel;
  /** `true` when the rule calls `getParserServices` and needs typed linting. */
  requiresTypeChecking?: boolean;
}

/** Repository that hosts rule docs; every rule's `docs.url` points into it. */
export const DOCS_BASE_URL = 'https://github.com/prodready/prodready/blob/main/packages';

/** The docs URL of `rule` in the plugin for `area` (e.g. `security`). */
export function getRuleDocsUrl(area: string, rule: string): string {
  return `${DOCS_BASE_URL}/eslint-plugin-${area}/docs/rules/${rule}.md`;
}

/**
 * A `RuleCreator` bound to one plugin area, so `docs.url` always points at
 * `packages/eslint-plugin-<area>/docs/rules/<rule>.md`.
 */
export function createRuleCreator(area: string) {
  return ESLintUtils.RuleCreator<ProdreadyDocs>((name) => getRuleDocsUrl(area, name));
}
