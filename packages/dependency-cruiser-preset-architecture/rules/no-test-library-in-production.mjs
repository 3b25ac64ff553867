import { ERASED_AT_RUNTIME, NOT_PRODUCTION } from '../lib/patterns.mjs';

/** Fakers, HTTP mocks, spies and test frameworks: they belong to tests, whatever package.json section lists them. */
const TEST_LIBRARIES = [
  '@faker-js/faker',
  'faker',
  'msw',
  '@mswjs/[^/]+',
  'nock',
  'sinon',
  '@sinonjs/[^/]+',
  'testdouble',
  'jest-mock-extended',
  'vitest-mock-extended',
  'supertest',
  '@testing-library/[^/]+',
  'jest',
  '@jest/globals',
  'vitest',
  'mocha',
  'chai',
];
const NAMES = `(?:${TEST_LIBRARIES.map((name) => name.replaceAll('.', '\\.')).join('|')})`;

export default {
  name: 'no-test-library-in-production',
  comment:
    'Production code imports a test library (a faker, an HTTP mock such as `msw` or `nock`, a spy library or a ' +
    'test framework): fake data or intercepted requests can end up serving real users, `nock` disables real ' +
    'network calls for the whole process, and the server crashes where the library is only a devDependency. ' +
    'Move the code into the tests, or pass the fake in from the test.',
  severity: 'error',
  from: {
    pathNot: NOT_PRODUCTION,
  },
  to: {
    // Installed packages only: dependency-cruiser cannot tell a type import of an unresolved package
    // from a runtime one (and `not-to-unresolvable` reports those anyway).
    path: `(?:^|/)node_modules/${NAMES}(?:/|$)`,
    dependencyTypesNot: ERASED_AT_RUNTIME,
  },
};
