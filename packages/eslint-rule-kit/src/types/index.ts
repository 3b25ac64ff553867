export { getOriginFromType, getPackageName } from './get-origin-from-type.js';
