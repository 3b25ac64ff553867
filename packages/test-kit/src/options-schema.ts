// Config safety (issue #11): every rule's option schema rejects the mistakes users make in real
// configs, and ESLint's error names the rule, the offending value and what was expected. Cases are
// generated from `plugin.rules` at runtime.
// ESLint's rule-options message quotes the value, not the property path (`Value "true" should be
// boolean.`); only an unknown property is named. See docs/reliability.md.
import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';


interface PropertySchema {
  type?: string | string[];
  enum?: unknown[];
  items?: PropertySchema;
  uniqueItems?: boolean;
  minimum?: number;
  maximum?: number;
  properties?: Record<string, PropertySchema>;
  additionalProperties?: boolean;
}

interface BadValue {
  label: string;
  value: unknown;
  /** A fragment of ESLint's message that states what was expected. */
  expected: string;
}

/** The parts of a prodready plugin these checks read. */
export interface SchemaTestedPlugin {
  meta: { namespace: string };
  rules: Record<string, { meta: { schema?: unknown; defaultOptions?: unknown[] } }>;
}

/** Lints one line with the rule set to `options`; the thrown configuration error, or `undefined`. */
function getConfigError(plugin: SchemaTestedPlugin, name: string, options: unknown[]): string | undefined {
  const namespace = plugin.meta.namespace;
  const linter = new Linter({ configType: 'flat' });
  try {
    linter.verify('export const ready = true;\n', [
      { plugins: { [namespace]: plugin as unknown as ESLint.Plugin }, rules: { [`${namespace}/${name}`]: ['error', ...options] } },
    ]);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}

/** Realistic mistakes for one property: the wrong type, a bad item, a value outside the bounds. */
function getBadValues(schema: PropertySchema): BadValue[] {
  const bad: BadValue[] = [];
  if (Array.isArray(schema.enum)) bad.push({ label: 'a value outside the enum', value: 'not-an-allowed-value', expected: 'allowed values' });
  switch (schema.type) {
    case 'boolean':
      bad.push({ label: 'a string instead of a boolean', value: 'true', expected: 'should be boolean' });
      break;
    case 'string':
      bad.push({ label: 'a number instead of a string', value: 42, expected: 'should be string' });
      break;
    case 'integer':
      bad.push({ label: 'a string instead of an integer', value: '10', expected: 'should be integer' });
      bad.push({ label: 'a fraction', value: 2.5, expected: 'should be integer' });
      break;
    case 'number':
      bad.push({ label: 'a string instead of a number', value: '0.5', expected: 'should be number' });
      break;
    case 'array': {
      bad.push({ label: 'a single string instead of a list', value: 'value', expected: 'should be array' });
      const items = schema.items;
      if (items && Array.isArray(items.enum)) {
        bad.push({ label: 'a list item outside the enum', value: ['not-an-allowed-value'], expected: 'allowed values' });
      } else if (items?.type === 'string') {
        bad.push({ label: 'a number in a list of strings', value: [42], expected: 'should be string' });
      }
      if (schema.uniqueItems) bad.push({ label: 'a duplicated list item', value: getDuplicates(items), expected: 'duplicate items' });
      break;
    }
    default:
      break;
  }
  if (typeof schema.minimum === 'number') bad.push({ label: 'a value below the minimum', value: schema.minimum - 1, expected: `should be >= ${schema.minimum}` });
  if (typeof schema.maximum === 'number') bad.push({ label: 'a value above the maximum', value: schema.maximum + 1, expected: `should be <= ${schema.maximum}` });
  return bad;
}

function getDuplicates(items: PropertySchema | undefined): unknown[] {
  const item = Array.isArray(items?.enum) ? items.enum[0] : items?.type === 'string' || items === undefined ? 'same' : 1;
  return [item, item];
}

/** The object schemas among a rule's positional options, with their position. */
function getObjectSchemas(schema: unknown): Array<{ index: number; object: PropertySchema }> {
  if (!Array.isArray(schema)) return [];
  return schema.flatMap((item: PropertySchema, index) => (item.type === 'object' ? [{ index, object: item }] : []));
}

/** Options that are valid up to `index` (each earlier object empty) with `value` at `index`. */
function getOptionsAt(index: number, value: unknown): unknown[] {
  return [...Array.from({ length: index }, () => ({})), value];
}

/**
 * Config safety: every rule's option schema rejects the mistakes users make in real configs, and
 * ESLint's error names the rule, the offending value and what was expected. Cases are generated
 * from `plugin.rules`, so a new rule or option is covered without editing the calling test.
 */
export function describeOptionSchemas(plugin: SchemaTestedPlugin): void {
  const namespace = plugin.meta.namespace;
  describe('option schemas reject bad input', () => {
    for (const [name, rule] of Object.entries(plugin.rules)) {
      const schema: unknown = rule.meta.schema;
      const objects = getObjectSchemas(schema);
      const ruleId = `${namespace}/${name}`;

      if (!Array.isArray(schema) || schema.length === 0) {
        it(`${name}: rejects any option, as it has none`, () => {
          const message = getConfigError(plugin, name, [{ allow: [] }]);
          expect(message).toContain(`Key "${ruleId}"`);
          expect(message).toContain('should NOT have more than 0 items');
        });
        continue;
      }

      it(`${name}: accepts its own defaults`, () => {
        expect(getConfigError(plugin, name, rule.meta.defaultOptions ?? [])).toBeUndefined();
      });

      for (const { index, object } of objects) {
        it(`${name}: rejects an unknown property, naming it`, () => {
          expect(object.additionalProperties).toBe(false);
          const message = getConfigError(plugin, name, getOptionsAt(index, { notAnOption: true }));
          expect(message).toContain(`Key "${ruleId}"`);
          expect(message).toContain('"notAnOption"');
        });

        it(`${name}: rejects a list where an options object belongs`, () => {
          const message = getConfigError(plugin, name, getOptionsAt(index, ['value']));
          expect(message).toContain(`Key "${ruleId}"`);
          expect(message).toContain('should be object');
        });

        for (const [property, propertySchema] of Object.entries(object.properties ?? {})) {
          const badValues = getBadValues(propertySchema);
          it(`${name}: \`${property}\` has bad values to test`, () => {
            expect(badValues.length).toBeGreaterThan(0);
          });
          for (const { label, value, expected } of badValues) {
            it(`${name}: rejects ${label} for \`${property}\``, () => {
              const message = getConfigError(plugin, name, getOptionsAt(index, { [property]: value }));
              expect(message).toContain(`Key "${ruleId}"`);
              expect(message).toContain(expected);
              // The offending value (or, for a list, its offending item) is quoted.
              const quoted = Array.isArray(value) ? JSON.stringify(value.length > 1 ? value : value[0]) : JSON.stringify(value);
              expect(message).toContain(quoted);
            });
          }
        }
      }
    }
  });
}
