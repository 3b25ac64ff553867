import { foldGraph, getCycleComponents, type ModuleGraph } from './graph.js';
import { type Finding, type GapSummary, getActionableFindings, type Report } from './model.js';
import type { RuleDocs } from './rule-doc.js';

/** Source lines around a finding, read by the caller (the report layer reads no files). */
export interface Excerpt {
  /** Line number of `lines[0]`. */
  startLine: number;
  lines: string[];
}

export interface HtmlOptions {
  /** Excerpts by `getExcerptKey(finding)`. */
  excerpts?: ReadonlyMap<string, Excerpt>;
  /** The local import graph; without it the report has no graph section. */
  graph?: ModuleGraph;
  rules?: RuleDocs;
  /** How many findings get a card with an excerpt. Default: 25. */
  maxFindings?: number;
  /** Above this many modules the graph is folded into folders. Default: 120. */
  maxModules?: number;
}

const COLORS = { error: '#c62828', warning: '#ef8f00', ok: '#2e7d32', muted: '#6b7280', cycle: '#d32f2f', node: '#e8eef9' } as const;
const GRADE_COLORS = { A: '#2e7d32', B: '#558b2f', C: '#f9a825', D: '#ef6c00', F: '#c62828' } as const;

/** The key an excerpt is stored under for a finding. */
export function getExcerptKey(finding: Pick<Finding, 'file' | 'line'>): string {
  return `${finding.file}:${finding.line ?? 0}`;
}

/**
 * `--format html`: one self-contained page (inline CSS and SVG, no scripts, nothing fetched) —
 * the scorecard as a chart per gap, the top findings with code excerpts, and the module graph
 * with its cycle components highlighted.
 */
export function formatHtml(report: Report, options: HtmlOptions = {}): string {
  const actionable = getActionableFindings(report);
  const errors = actionable.filter((finding) => finding.severity === 'error').length;
  const summary = `${errors} ${plural(errors, 'error')}, ${actionable.length - errors} ${plural(actionable.length - errors, 'warning')} in ${report.filesLinted} files`;
  const baseline = report.baseline
    ? `<p data-testid="baseline">Baseline: ${report.baseline.known} known, ${report.baseline.new} new, ${report.baseline.fixed} fixed.</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>prodready report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>prodready scorecard</h1>
<p class="summary" data-testid="summary">${escape(summary)} · prodready ${escape(report.tool.version)}</p>
${baseline}</header>
<main>
<section id="scorecard">
<h2>Seven gaps</h2>
${renderScorecard(report.gaps)}
${renderNotes(report.notes)}</section>
<section id="findings">
<h2>Top findings</h2>
${renderFindings(actionable, options)}
</section>
<section id="graph">
<h2>Module graph</h2>
${options.graph ? renderGraph(options.graph, options.maxModules ?? 120) : '<p class="muted">The import graph was not checked (dependency-cruiser did not run).</p>'}
</section>
</main>
</body>
</html>
`;
}

function renderScorecard(gaps: readonly GapSummary[]): string {
  const rowHeight = 34;
  const barWidth = 380;
  const max = Math.max(1, ...gaps.map((gap) => gap.errors + gap.warnings));
  const rows = gaps.map((gap, index) => {
    const y = index * rowHeight;
    const grade = gap.grade ?? '-';
    const color = gap.grade ? GRADE_COLORS[gap.grade] : COLORS.muted;
    const errorWidth = Math.round((gap.errors / max) * barWidth);
    const warningWidth = Math.round((gap.warnings / max) * barWidth);
    const counts = gap.checked ? `${gap.errors} ${plural(gap.errors, 'error')}, ${gap.warnings} ${plural(gap.warnings, 'warning')}` : 'not checked';
    return `<g class="gap" data-gap="${gap.key}" data-grade="${grade}" transform="translate(0 ${y})">
<title>${escape(`${gap.title}: ${counts}`)}</title>
<circle cx="14" cy="15" r="13" fill="${color}"/><text x="14" y="20" text-anchor="middle" class="grade">${grade}</text>
<text x="36" y="20" class="label">${gap.id}. ${escape(gap.title)}</text>
<rect x="190" y="6" width="${errorWidth}" height="18" fill="${COLORS.error}" class="bar-errors"/>
<rect x="${190 + errorWidth}" y="6" width="${warningWidth}" height="18" fill="${COLORS.warning}" class="bar-warnings"/>
<text x="${196 + errorWidth + warningWidth}" y="20" class="count">${escape(counts)}</text>
</g>`;
  });
  const table = gaps
    .filter((gap) => gap.topRules.length > 0)
    .map((gap) => `<tr><th>${escape(gap.title)}</th><td>${gap.topRules.map(({ name, count }) => `<code>${escape(name)}</code> (${count})`).join(', ')}</td></tr>`)
    .join('\n');
  return `<svg class="chart" data-testid="scorecard-chart" role="img" aria-label="Findings per gap" width="760" height="${gaps.length * rowHeight}" viewBox="0 0 760 ${gaps.length * rowHeight}">
${rows.join('\n')}
</svg>
${table ? `<table class="top-rules"><caption>Top rules per gap</caption>\n${table}\n</table>` : ''}`;
}

function renderNotes(notes: readonly string[]): string {
  return notes.length === 0 ? '' : `<ul class="notes">${notes.map((note) => `<li>${escape(note)}</li>`).join('')}</ul>\n`;
}

function renderFindings(findings: readonly Finding[], { excerpts, rules, maxFindings = 25 }: HtmlOptions): string {
  if (findings.length === 0) return '<p class="muted">Nothing to fix.</p>';
  // Errors first, then the order of the report (file and position).
  const shown = [...findings].sort((left, right) => Number(left.severity !== 'error') - Number(right.severity !== 'error')).slice(0, maxFindings);
  const cards = shown.map((finding) => {
    const where = finding.file ? `${finding.file}${finding.line === undefined ? '' : `:${finding.line}`}` : '(project)';
    const doc = rules?.get(finding.ruleId);
    const rule = doc?.helpUri ? `<a href="${escape(doc.helpUri)}">${escape(finding.ruleId)}</a>` : escape(finding.ruleId);
    const excerpt = excerpts?.get(getExcerptKey(finding));
    return `<article class="finding ${finding.severity}" data-rule="${escape(finding.ruleId)}">
<h3><span class="severity">${finding.severity}</span> <code>${escape(where)}</code></h3>
<p>${escape(finding.message)}</p>
<p class="rule">${rule}</p>
${excerpt ? renderExcerpt(excerpt, finding.line) : ''}</article>`;
  });
  const more = findings.length > shown.length ? `<p class="muted">…and ${findings.length - shown.length} more; run <code>prodready check</code> for all of them.</p>` : '';
  return `${cards.join('\n')}\n${more}`;
}

function renderExcerpt({ startLine, lines }: Excerpt, line: number | undefined): string {
  const width = String(startLine + lines.length - 1).length;
  const rows = lines.map((text, offset) => {
    const number = startLine + offset;
    const content = `<span class="line-number">${String(number).padStart(width)}</span> ${escape(text)}`;
    return number === line ? `<mark>${content}</mark>` : content;
  });
  return `<pre class="excerpt"><code>${rows.join('\n')}</code></pre>\n`;
}

function renderGraph(full: ModuleGraph, maxModules: number): string {
  const fullCycles = getCycleComponents(full);
  const cyclic = new Set(fullCycles.flat().map((index) => full.modules[index]!));
  const graph = foldGraph(full, maxModules);
  const folded = graph !== full;
  const components = getCycleComponents(graph);
  const componentOf = new Map<number, number>();
  components.forEach((component, id) => component.forEach((node) => componentOf.set(node, id)));
  // A folded folder is highlighted when a cycle runs inside it, even if folding hid the edges.
  const isCyclic = (index: number): boolean =>
    componentOf.has(index) || [...cyclic].some((name) => name === graph.modules[index] || (graph.modules[index]!.endsWith('/') && name.startsWith(graph.modules[index]!)));

  const depth = getDepths(graph, componentOf);
  const connected = new Set(graph.edges.flat());
  const columns = new Map<number, number[]>();
  graph.modules.forEach((_, index) => columns.set(depth[index]!, [...(columns.get(depth[index]!) ?? []), index]));
  const columnWidth = 270;
  const rowHeight = 30;
  const position = new Map<number, { x: number; y: number }>();
  for (const [column, members] of columns) {
    // Cycle members next to each other, so a knot reads as one block; modules with no imports at all last.
    members.sort(
      (left, right) =>
        (componentOf.get(left) ?? 1e9) - (componentOf.get(right) ?? 1e9) || Number(!connected.has(left)) - Number(!connected.has(right)) || left - right,
    );
    members.forEach((member, row) => position.set(member, { x: 10 + column * columnWidth, y: 10 + row * rowHeight }));
  }
  const width = 20 + Math.max(1, columns.size) * columnWidth;
  const height = 20 + Math.max(1, ...[...columns.values()].map((members) => members.length)) * rowHeight;
  const nodeWidth = 190;

  const edges = graph.edges.map(([from, to]) => {
    const start = position.get(from)!;
    const end = position.get(to)!;
    const inCycle = componentOf.has(from) && componentOf.get(from) === componentOf.get(to);
    const x1 = start.x + nodeWidth;
    const y1 = start.y + 11;
    const y2 = end.y + 11;
    const className = `edge${inCycle ? ' cycle' : ''}`;
    if (start.x === end.x) {
      // Within one column (a cycle component): an arc on the right, never through the boxes.
      const reach = x1 + 20 + Math.abs(y2 - y1) / 4;
      return `<path class="${className}" d="M${x1} ${y1} C${reach} ${y1} ${reach} ${y2} ${x1} ${y2}"/>`;
    }
    const x2 = end.x;
    const bend = Math.max(30, Math.abs(x2 - x1) / 2);
    return `<path class="${className}" d="M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}"/>`;
  });
  const nodes = graph.modules.map((name, index) => {
    const { x, y } = position.get(index)!;
    const inCycle = isCyclic(index);
    return `<g class="node${inCycle ? ' cycle' : ''}" data-module="${escape(name)}"><title>${escape(name)}</title><rect x="${x}" y="${y}" width="${nodeWidth}" height="22" rx="4"/><text x="${x + 6}" y="${y + 15}">${escape(shorten(name))}</text></g>`;
  });
  const cycleList = fullCycles
    .slice(0, 10)
    .map((component) => `<li>${component.map((index) => `<code>${escape(full.modules[index]!)}</code>`).join(' ⇄ ')}</li>`)
    .join('');
  return `<p data-testid="graph-summary">${full.modules.length} ${plural(full.modules.length, 'module')}, ${full.edges.length} ${plural(full.edges.length, 'import')}, ${fullCycles.length} ${plural(fullCycles.length, 'cycle component')}${folded ? ` (drawn as ${graph.modules.length} folders)` : ''}.</p>
${cycleList ? `<ul class="cycles" data-testid="cycles">${cycleList}</ul>\n` : ''}<div class="graph-frame"><svg data-testid="module-graph" role="img" aria-label="Module graph" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="6" markerHeight="6" orient="auto"><path d="M0 0L8 4L0 8z" fill="#94a3b8"/></marker></defs>
${edges.join('\n')}
${nodes.join('\n')}
</svg></div>`;
}

/** Longest-path depth of each module in the graph with every cycle component contracted to one node. */
function getDepths(graph: ModuleGraph, componentOf: ReadonlyMap<number, number>): number[] {
  const count = graph.modules.length;
  const groupOf = (index: number): number => (componentOf.has(index) ? count + componentOf.get(index)! : index);
  const next = new Map<number, Set<number>>();
  const incoming = new Map<number, number>();
  const groups = new Set(graph.modules.map((_, index) => groupOf(index)));
  for (const group of groups) incoming.set(group, 0);
  for (const [from, to] of graph.edges) {
    const source = groupOf(from);
    const target = groupOf(to);
    if (source === target || next.get(source)?.has(target)) continue;
    next.set(source, (next.get(source) ?? new Set()).add(target));
    incoming.set(target, incoming.get(target)! + 1);
  }
  const depth = new Map<number, number>([...groups].map((group) => [group, 0]));
  const queue = [...groups].filter((group) => incoming.get(group) === 0);
  while (queue.length > 0) {
    const group = queue.shift()!;
    for (const target of next.get(group) ?? []) {
      depth.set(target, Math.max(depth.get(target)!, depth.get(group)! + 1));
      incoming.set(target, incoming.get(target)! - 1);
      if (incoming.get(target) === 0) queue.push(target);
    }
  }
  return graph.modules.map((_, index) => depth.get(groupOf(index))!);
}

function shorten(name: string): string {
  return name.length <= 28 ? name : `…${name.slice(-27)}`;
}

function escape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}

const STYLE = `
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1f2937;background:#f8fafc}
header{background:#111827;color:#f9fafb;padding:16px 32px}header h1{margin:0;font-size:22px}
main{padding:8px 32px 32px;max-width:1200px}section{margin-top:24px}h2{font-size:18px;border-bottom:1px solid #e5e7eb}
.chart .label,.chart .count{font-size:13px;fill:#1f2937}.chart .grade{font-size:14px;font-weight:700;fill:#fff}
.top-rules{border-collapse:collapse;margin-top:12px}.top-rules th,.top-rules td{text-align:left;padding:2px 12px 2px 0;vertical-align:top}
.top-rules caption{text-align:left;font-weight:600}.muted,.notes{color:${COLORS.muted}}
.finding{background:#fff;border:1px solid #e5e7eb;border-left:4px solid ${COLORS.warning};border-radius:4px;padding:8px 12px;margin:10px 0}
.finding.error{border-left-color:${COLORS.error}}.finding h3{margin:0;font-size:14px}.finding p{margin:4px 0}
.severity{text-transform:uppercase;font-size:11px;font-weight:700;color:${COLORS.warning}}.error .severity{color:${COLORS.error}}
.rule{font-size:12px;color:${COLORS.muted}}
.excerpt{background:#0f172a;color:#e2e8f0;padding:8px;border-radius:4px;overflow-x:auto;font-size:12px}
.excerpt mark{background:#7f1d1d;color:#fff;display:inline-block;width:100%}.line-number{color:#64748b}
.graph-frame{overflow:auto;border:1px solid #e5e7eb;background:#fff;max-height:800px}
.node rect{fill:${COLORS.node};stroke:#94a3b8}.node text{font:11px ui-monospace,monospace;fill:#111827}
.node.cycle rect{fill:#fde2e2;stroke:${COLORS.cycle};stroke-width:2}
.edge{fill:none;stroke:#94a3b8;stroke-width:1;marker-end:url(#arrow)}.edge.cycle{stroke:${COLORS.cycle};stroke-width:2}
.cycles code{color:${COLORS.cycle}}
`;
