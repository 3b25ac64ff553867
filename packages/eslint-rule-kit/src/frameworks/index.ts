export { getEnvVarName } from './env.js';
export { isTestFile } from './is-test-file.js';
