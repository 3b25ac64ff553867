import { readFileSync } from 'node:fs';

import Ajv from 'ajv';

/** The OASIS SARIF 2.1.0 schema, vendored (a public spec document). */
export const SARIF_SCHEMA = JSON.parse(readFileSync(new URL('../fixtures/schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;

/** JSON Schema validation with the workspace's ajv 6, plus draft-04 (the SARIF schema's draft); the errors, or `[]`. */
export function validate(schema: object, data: unknown): string[] {
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
  ajv.addMetaSchema(JSON.parse(readFileSync(new URL('../../../../node_modules/ajv/lib/refs/json-schema-draft-04.json', import.meta.url), 'utf8')) as object);
  const check = ajv.compile(schema);
  return check(data) ? [] : (check.errors ?? []).map((error) => `${error.dataPath} ${error.message ?? ''}`);
}
