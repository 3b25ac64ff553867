const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|tests?|spec|e2e|fixtures?)[\\/]|\.(?:test|spec|e2e|cy)\.[cm]?[jt]sx?$/;

/** `true` for test, spec, mock and fixture files by the conventions of vitest, jest, node:test and mocha. */
export function isTestFile(filename: string): boolean {
  return TEST_FILE.test(filename);
}
