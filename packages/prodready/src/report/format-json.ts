import type { Report } from './model.js';

/** `--format json`: the report model as it is, with its `version` field first. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, undefined, 2)}\n`;
}
