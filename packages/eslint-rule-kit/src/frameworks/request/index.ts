export { getEnclosingRequestHandler } from './get-enclosing-request-handler.js';
export { getRequestHandler } from './get-request-handler.js';
export { getRequestSource } from './get-request-source.js';
export { getRequestSourceLabel } from './get-request-source-label.js';
export { isFunctionLike } from './is-function-like.js';
export type {
  FunctionLike,
  RequestFramework,
  RequestHandler,
  RequestSource,
  RequestSourceKind,
} from './types.js';
