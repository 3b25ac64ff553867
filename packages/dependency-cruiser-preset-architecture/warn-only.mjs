// `extends: '@prodready/dependency-cruiser-preset-architecture/warn-only'`: every rule warns, for adoption.
export { warnOnly as default } from './index.mjs';
