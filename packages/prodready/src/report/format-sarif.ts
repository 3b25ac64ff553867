import { type Finding, GAPS, type Report } from './model.js';
import type { RuleDocs } from './rule-doc.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/prodready/prodready';

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  helpUri?: string;
  properties: { tags: string[] };
}

/**
 * `--format sarif`: SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`).
 * One run, one rule entry per rule that reported, results with a location each; project-level
 * findings without a file point at package.json. With a baseline, `baselineState` tells new from known.
 */
export function formatSarif(report: Report, rules: RuleDocs = new Map()): string {
  const ruleIds = [...new Set(report.findings.map((finding) => finding.ruleId))].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const gapTitles = new Map<string, string>(GAPS.map((gap) => [gap.key, gap.title.toLowerCase()]));
  const driverRules = ruleIds.map((id): SarifRule => {
    const doc = rules.get(id);
    const gap = report.findings.find((finding) => finding.ruleId === id)?.gap;
    return {
      id,
      shortDescription: { text: doc?.description ?? id },
      ...(doc?.helpUri ? { helpUri: doc.helpUri } : {}),
      properties: { tags: ['prodready', ...(gap ? [gapTitles.get(gap)!] : [])] },
    };
  });
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'prodready', version: report.tool.version, informationUri: INFORMATION_URI, rules: driverRules } },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The checked project folder.' } } },
        results: report.findings.map((finding) => toResult(finding, ruleIndex.get(finding.ruleId)!)),
      },
    ],
  };
  return `${JSON.stringify(sarif, undefined, 2)}\n`;
}

function toResult(finding: Finding, index: number): object {
  const region =
    finding.line === undefined
      ? { startLine: 1 }
      : {
          startLine: finding.line,
          ...(finding.column === undefined ? {} : { startColumn: finding.column }),
          ...(finding.endLine === undefined ? {} : { endLine: finding.endLine }),
          ...(finding.endColumn === undefined ? {} : { endColumn: finding.endColumn }),
        };
  return {
    ruleId: finding.ruleId,
    ruleIndex: index,
    level: finding.severity === 'error' ? 'error' : 'warning',
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeUri(finding.file || 'package.json'), uriBaseId: '%SRCROOT%' }, region } }],
    ...(finding.baseline ? { baselineState: finding.baseline === 'known' ? 'unchanged' : 'new' } : {}),
  };
}

/** A relative POSIX path as a URI reference: each segment percent-encoded, slashes kept. */
function encodeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
