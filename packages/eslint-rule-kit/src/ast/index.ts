export { getStaticPropertyName } from './get-static-property-name.js';
export { unwrapExpression } from './unwrap-expression.js';
