import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

/** The `allow` option every plugin uses for names to skip: same shape everywhere. */
export const allowOptionSchema: JSONSchema4 = {
  type: 'array',
  items: { type: 'string' },
  uniqueItems: true,
  description: 'Names (callee, module or identifier, as the rule documents) that the rule never reports.',
};
