export { CALL, getOrigin, NEW, type Origin } from './get-origin.js';
export { isLocalSource, normaliseSource } from './normalise-source.js';
export { isOrigin, type OriginPattern } from './is-origin.js';
