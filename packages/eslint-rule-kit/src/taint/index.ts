export { getTaint } from './get-taint.js';
export { hasPinnedUrlPrefix } from './has-pinned-url-prefix.js';
export { isGuarded } from './is-guarded.js';
export type { Taint, TaintOptions, TaintSink } from './types.js';
