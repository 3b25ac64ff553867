export { formatJson } from './format-json.js';
export { formatText, type TextOptions } from './format-text.js';
export {
  buildReport,
  type Finding,
  GAPS,
  type GapKey,
  type GapSummary,
  getGrade,
  type Grade,
  hasErrors,
  type RankedCount,
  type Report,
  type ReportInput,
  type Severity,
  type Tool,
} from './model.js';
