export { allowOptionSchema } from './allow.js';
