export { getAuthMiddlewareName, isAuthName } from './auth-names.js';
export { getAuthConvention } from './get-auth-convention.js';
export { getAuthEvidence } from './get-auth-evidence.js';
export { getRouteScope, type RouteScope } from './get-route-scope.js';
export type { AuthConvention, AuthEvidence, AuthEvidenceKind, AuthOptions } from './types.js';
