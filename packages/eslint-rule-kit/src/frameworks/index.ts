export * from './auth/index.js';
export * from './data/index.js';
export { getEnvVarName } from './env.js';
export * from './http/index.js';
export { getRelativeFilename, isInTestFile, isTestFile } from './is-test-file.js';
export * from './logging/index.js';
export * from './request/index.js';
export * from './secrets/index.js';
export * from './testing/index.js';
