import { describe, expect, it } from 'vitest';

import preset from '../index.mjs';
import noCircularRuntime from '../rules/no-circular-runtime.mjs';
import noCircularTypeOnly from '../rules/no-circular-type-only.mjs';
import noDeprecatedCore from '../rules/no-deprecated-core.mjs';
import noNonPackageJson from '../rules/no-non-package-json.mjs';
import noOrphans from '../rules/no-orphans.mjs';
import notToDevDep from '../rules/not-to-dev-dep.mjs';
import notToSpec from '../rules/not-to-spec.mjs';
import notToTest from '../rules/not-to-test.mjs';
import notToUnresolvable from '../rules/not-to-unresolvable.mjs';
import noTestLibraryInProduction from '../rules/no-test-library-in-production.mjs';
import { cruiseFixture } from './cruise-fixture.mjs';

describe('no-circular-runtime', () => {
  it('reports a cycle of value imports, not one closed by a type import or an elided import, nor ORM entity relations', async () => {
    expect(await cruiseFixture('cycles', preset, [noCircularRuntime])).toEqual([
      { rule: 'no-circular-runtime', severity: 'error', from: 'src/orders/order-service.ts', to: 'src/users/user-service.ts' },
    ]);
  });
});

describe('no-circular-type-only', () => {
  it('reports, as info, the cycles closed by `import type` or by an import used only as a type', async () => {
    expect(await cruiseFixture('cycles', preset, [noCircularTypeOnly])).toEqual([
      { rule: 'no-circular-type-only', severity: 'info', from: 'src/billing/customer.ts', to: 'src/billing/invoice.ts' },
      { rule: 'no-circular-type-only', severity: 'info', from: 'src/catalog/category.ts', to: 'src/catalog/product.ts' },
    ]);
  });
});

describe('no-orphans', () => {
  it('reports a module nothing uses, not configs, framework entries, migrations, seeds, scripts, public files, tests or .d.ts', async () => {
    expect(await cruiseFixture('orphans', preset, [noOrphans])).toEqual([
      { rule: 'no-orphans', severity: 'warn', from: 'app/format-price.ts', to: 'app/format-price.ts' },
      { rule: 'no-orphans', severity: 'warn', from: 'src/users-v2.ts', to: 'src/users-v2.ts' },
    ]);
  });
});

describe('not-to-unresolvable', () => {
  it('reports a missing file and a hallucinated package, not a runtime-provided `bun:` module', async () => {
    expect(await cruiseFixture('dependencies', preset, [notToUnresolvable])).toEqual([
      { rule: 'not-to-unresolvable', severity: 'error', from: 'src/missing.ts', to: './mailer' },
      { rule: 'not-to-unresolvable', severity: 'error', from: 'src/missing.ts', to: 'express-rate-limiter-pro' },
    ]);
  });
});

describe('no-deprecated-core', () => {
  it('reports `punycode` and not `node:url` or `node:fs`', async () => {
    expect(await cruiseFixture('dependencies', preset, [noDeprecatedCore])).toEqual([
      { rule: 'no-deprecated-core', severity: 'error', from: 'src/domains.ts', to: 'punycode' },
    ]);
  });
});

describe('not-to-dev-dep', () => {
  it('reports a value import of a devDependency from production code only', async () => {
    // Not reported: `import type` (src/version.ts) and an elided type import (src/release.ts) from
    // semver, tests (src/server.test.ts), vitest.config.ts, chalk (src/colors.ts: a peer dependency the
    // package also lists as a devDependency, as libraries do).
    expect(await cruiseFixture('dependencies', preset, [notToDevDep])).toEqual([
      { rule: 'not-to-dev-dep', severity: 'error', from: 'src/server.ts', to: 'node_modules/semver/index.js' },
    ]);
  });
});

describe('no-non-package-json', () => {
  it('reports a package that resolves but is declared in no package.json', async () => {
    expect(await cruiseFixture('dependencies', preset, [noNonPackageJson])).toEqual([
      { rule: 'no-non-package-json', severity: 'error', from: 'src/server.ts', to: 'node_modules/picomatch/index.js' },
    ]);
  });
});

describe('not-to-test', () => {
  it('reports production code importing mocks and fixtures, not tests importing them', async () => {
    expect(await cruiseFixture('test-imports', preset, [notToTest])).toEqual([
      { rule: 'not-to-test', severity: 'error', from: 'src/charge.ts', to: 'tests/fixtures/cards.ts' },
      { rule: 'not-to-test', severity: 'error', from: 'src/payments.ts', to: 'src/__mocks__/stripe.ts' },
    ]);
  });
});

describe('not-to-spec', () => {
  it('reports any module importing a spec file, tests included', async () => {
    expect(await cruiseFixture('test-imports', preset, [notToSpec])).toEqual([
      { rule: 'not-to-spec', severity: 'error', from: 'src/charge.test.ts', to: 'src/refunds.spec.ts' },
      { rule: 'not-to-spec', severity: 'error', from: 'src/refunds.ts', to: 'src/refunds.spec.ts' },
    ]);
  });
});

describe('no-test-library-in-production', () => {
  it('reports production code importing a faker or an HTTP mock, not type imports or tests', async () => {
    // Not reported: `import type` of @faker-js/faker (src/user-types.ts), nock in tests/http.ts.
    expect(await cruiseFixture('test-imports', preset, [noTestLibraryInProduction])).toEqual([
      { rule: 'no-test-library-in-production', severity: 'error', from: 'src/demo-data.ts', to: 'node_modules/@faker-js/faker/index.js' },
      { rule: 'no-test-library-in-production', severity: 'error', from: 'src/demo-data.ts', to: 'node_modules/msw/node.js' },
    ]);
  });
});
