// `extends: 'prodready/dependency-cruiser'` in .dependency-cruiser.cjs: dependency-cruiser
// resolves `extends` by file path, not through package.json `exports`, so this file has to exist.
export { default } from './dist/dependency-cruiser.js';
