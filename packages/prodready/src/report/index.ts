export { formatGithub } from './format-github.js';
export { type Excerpt, formatHtml, getExcerptKey, type HtmlOptions } from './format-html.js';
export { formatJson } from './format-json.js';
export { formatMarkdown, type MarkdownOptions } from './format-markdown.js';
export { formatSarif } from './format-sarif.js';
export { formatText, type TextOptions } from './format-text.js';
export { foldGraph, getCycleComponents, type ModuleGraph } from './graph.js';
export {
  type BaselineSummary,
  buildReport,
  type Finding,
  GAPS,
  type GapKey,
  type GapSummary,
  getActionableFindings,
  getGrade,
  type Grade,
  hasErrors,
  isFailing,
  type RankedCount,
  type Report,
  type ReportInput,
  type Severity,
  type Tool,
} from './model.js';
export { REPORT_SCHEMA } from './report-schema.js';
export type { RuleDoc, RuleDocs } from './rule-doc.js';
