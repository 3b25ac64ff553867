export * from './ast/index.js';
export * from './configs/index.js';
export { createRuleCreator, DOCS_BASE_URL, getRuleDocsUrl, type ProdreadyDocs, type RecommendedLevel } from './create-rule.js';
export * from './options/index.js';
export * from './origin/index.js';
export * from './types/index.js';
export { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
export * from './frameworks/index.js';
