export { type Assertion, getAssertion } from './get-assertion.js';
export { getMockCall, type MockCall } from './get-mock-call.js';
export type { TestRunner } from './get-runner-api.js';
export { type TestBody, getTestCall, isNodeTestContext, type TestCall } from './get-test-call.js';
export { getTestAssertions, type TestAssertions } from './get-test-assertions.js';
export { getRunnerRestores, readRunnerRestores, type RunnerRestore } from './get-runner-restores.js';
