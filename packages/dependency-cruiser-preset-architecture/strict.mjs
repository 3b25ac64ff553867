// `extends: '@prodready/dependency-cruiser-preset-architecture/strict'`: every rule is an error.
export { strict as default } from './index.mjs';
