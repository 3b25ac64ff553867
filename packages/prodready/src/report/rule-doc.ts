/** What the formats that describe rules (SARIF, HTML) need to know about one rule. */
export interface RuleDoc {
  /** One sentence: what the rule disallows or requires. */
  description: string;
  /** Where its documentation lives. */
  helpUri?: string;
}

/** Rule docs by rule id, e.g. `@prodready/security/no-secret-fallback` or `no-circular-runtime`. */
export type RuleDocs = ReadonlyMap<string, RuleDoc>;
