/**
 * The JSON Schema (draft-07) of `prodready check --format json`, version 1. Additive changes keep
 * the version; a removed or retyped field bumps it. A test validates real output against it.
 */
export const REPORT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/prodready/prodready/blob/main/packages/prodready/report.schema.json',
  title: 'prodready report',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'tool', 'filesLinted', 'gaps', 'topFiles', 'other', 'notes', 'findings'],
  properties: {
    version: { const: 1, description: 'Schema version; bumped on breaking changes.' },
    tool: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'version'],
      properties: { name: { const: 'prodready' }, version: { type: 'string' } },
    },
    filesLinted: { type: 'integer', minimum: 0 },
    gaps: { type: 'array', minItems: 7, maxItems: 7, items: { $ref: '#/definitions/gap' } },
    topFiles: { type: 'array', items: { $ref: '#/definitions/rankedCount' } },
    other: {
      type: 'object',
      additionalProperties: false,
      required: ['errors', 'warnings'],
      properties: { errors: { type: 'integer', minimum: 0 }, warnings: { type: 'integer', minimum: 0 } },
    },
    notes: { type: 'array', items: { type: 'string' } },
    baseline: {
      type: 'object',
      additionalProperties: false,
      required: ['known', 'new', 'fixed', 'fixedFindings'],
      properties: {
        known: { type: 'integer', minimum: 0 },
        new: { type: 'integer', minimum: 0 },
        fixed: { type: 'integer', minimum: 0 },
        fixedFindings: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['file', 'ruleId', 'count'],
            properties: { file: { type: 'string' }, ruleId: { type: 'string' }, count: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
    findings: { type: 'array', items: { $ref: '#/definitions/finding' } },
  },
  definitions: {
    gapKey: { enum: ['architecture', 'security', 'testing', 'scalability', 'maintainability', 'observability', 'coherence'] },
    rankedCount: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'count'],
      properties: { name: { type: 'string' }, count: { type: 'integer', minimum: 1 } },
    },
    gap: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'key', 'title', 'checked', 'errors', 'warnings', 'topRules', 'topFiles'],
      properties: {
        id: { type: 'integer', minimum: 1, maximum: 7 },
        key: { $ref: '#/definitions/gapKey' },
        title: { type: 'string' },
        checked: { type: 'boolean' },
        errors: { type: 'integer', minimum: 0 },
        warnings: { type: 'integer', minimum: 0 },
        grade: { enum: ['A', 'B', 'C', 'D', 'F'], description: 'Absent when the gap was not checked.' },
        topRules: { type: 'array', items: { $ref: '#/definitions/rankedCount' } },
        topFiles: { type: 'array', items: { $ref: '#/definitions/rankedCount' } },
      },
    },
    finding: {
      type: 'object',
      additionalProperties: false,
      required: ['tool', 'ruleId', 'severity', 'file', 'message'],
      properties: {
        tool: { enum: ['eslint', 'dependency-cruiser', 'project'] },
        gap: { $ref: '#/definitions/gapKey', description: 'Absent for rules outside prodready (not scored).' },
        ruleId: { type: 'string' },
        severity: { enum: ['error', 'warning'] },
        file: { type: 'string', description: 'Relative to the checked folder, POSIX separators; empty for the whole project.' },
        line: { type: 'integer', minimum: 1 },
        column: { type: 'integer', minimum: 1 },
        endLine: { type: 'integer', minimum: 1 },
        endColumn: { type: 'integer', minimum: 1 },
        message: { type: 'string' },
        baseline: { enum: ['new', 'known'], description: 'Present when a baseline was applied.' },
      },
    },
  },
} as const;
