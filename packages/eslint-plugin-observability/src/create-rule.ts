import { createRuleCreator } from '@prodready/eslint-rule-kit';

export const createRule = createRuleCreator('observability');
