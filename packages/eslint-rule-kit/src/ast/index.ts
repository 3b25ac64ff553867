export { getStaticPropertyName } from './get-static-property-name.js';
export { unwrapExpression } from './unwrap-expression.js';
export { type CommentBlock, getCommentBlocks } from './get-comment-blocks.js';
export { isDirectiveComment } from './is-directive-comment.js';
export { isGeneratedFile } from './is-generated-file.js';
export { type NamingStyle, getNamingStyle } from './get-naming-style.js';
export { type FunctionFingerprint, type FunctionNode, getFunctionFingerprint } from './get-function-fingerprint.js';
export { hasLiteralProperty } from './has-literal-property.js';
