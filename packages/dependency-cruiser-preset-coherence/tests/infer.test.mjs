import { cruise } from 'dependency-cruiser';
import { beforeAll, describe, expect, it } from 'vitest';

import preset, { findConventionOutliers, findGatewayBypasses, findUntestedModules, proposeCoherence } from '../index.mjs';
import { fixturePath } from './cruise-fixture.mjs';

// drift: axios behind src/lib/http.ts and winston behind src/lib/logger.ts, and src/routes/billing.ts
// with `got` and `winston` imported directly and no auth middleware, unlike its three siblings.
let result;
beforeAll(async () => {
  result = await cruise(['.'], { ...preset.options, baseDir: fixturePath('drift'), skipAnalysisNotInRules: false });
});

describe('proposeCoherence', () => {
  it('proposes the majority choice per concern with counts, wrappers counted, and the outliers as findings', () => {
    const proposal = proposeCoherence(result);
    expect(proposal.choices.map(({ concern, choice, counts, outliers }) => ({ concern, choice, counts, outliers }))).toEqual([
      { concern: 'httpClient', choice: 'axios', counts: { axios: 3, got: 1 }, outliers: [{ from: 'src/routes/billing.ts', package: 'got', choice: 'got' }] },
      { concern: 'logger', choice: 'winston', counts: { winston: 8 }, outliers: [] },
      { concern: 'orm', choice: 'prisma', counts: { prisma: 5 }, outliers: [] },
      { concern: 'validation', choice: 'zod', counts: { zod: 3 }, outliers: [] },
      { concern: 'testRunner', choice: 'vitest', counts: { vitest: 1 }, outliers: [] },
    ]);
    expect(proposal.options).toEqual({ httpClient: 'axios', logger: 'winston', orm: 'prisma' });
    expect(proposal.findings).toEqual([
      {
        rule: 'one-http-client',
        from: 'src/routes/billing.ts',
        to: 'got',
        message:
          'This module uses `got` as its HTTP client, while 3 of the 4 modules that use one use `axios` (axios: 3, got: 1); a second HTTP client misses the fixes and settings made for the first.',
      },
    ]);
  });

  it('lists no outliers for a choice with a third of the majority\'s users or more (a deliberate second setup)', () => {
    const module = (source, name) => ({ source, dependencies: [{ module: name, resolved: `node_modules/${name}/index.js`, dependencyTypes: ['npm'] }] });
    const split = proposeCoherence({ modules: [module('src/a.ts', 'typeorm'), module('src/b.ts', 'typeorm'), module('src/c.ts', 'mongoose')] });
    expect(split.choices).toEqual([{ concern: 'orm', label: 'ORM or query builder', choice: 'typeorm', counts: { typeorm: 2, mongoose: 1 }, outliers: [] }]);
    expect(split.findings).toEqual([]);
  });

  it('proposes nothing for a concern on a tie, and ignores type imports', () => {
    const module = (source, resolved, dependencyTypes = ['npm']) => ({ source, dependencies: [{ module: resolved, resolved: `node_modules/${resolved}/index.js`, dependencyTypes }] });
    const tie = proposeCoherence({ modules: [module('src/a.ts', 'pino'), module('src/b.ts', 'winston'), module('src/c.ts', 'bunyan', ['npm', 'type-only'])] });
    expect(tie.choices).toEqual([{ concern: 'logger', label: 'logger', choice: null, counts: { pino: 1, winston: 1 }, outliers: [] }]);
    expect(tie.options).toEqual({});
    expect(tie.findings).toEqual([]);
  });

  it('rejects something that is not a cruise result', () => {
    expect(() => proposeCoherence({ output: '' })).toThrow(TypeError);
  });
});

describe('findGatewayBypasses', () => {
  it('infers the logger gateway, not the ORM one, and reports the module bypassing it', () => {
    // The HTTP client wrapper has two users only (below `minUsers`); `got` is proposeCoherence's finding.
    // The ORM is never inferred: models and query operators import it everywhere.
    const { gateways, findings } = findGatewayBypasses(result);
    expect(gateways).toEqual([
      { concern: 'logger', gateway: 'src/lib/logger.ts', users: 6, inferred: true },
    ]);
    expect(findings.map(({ rule, from, to }) => ({ rule, from, to }))).toEqual([{ rule: 'gateway-logger', from: 'src/routes/billing.ts', to: 'winston' }]);
    expect(findings[0].message).toBe(
      "This module imports `winston` directly, while 6 modules go through `src/lib/logger.ts`, the project's logger gateway; a direct import skips what the gateway sets up (configuration, redaction, pooling, timeouts). Import the gateway instead.",
    );
  });

  it('uses configured gateways, for concerns outside the default set too', () => {
    const { gateways, findings } = findGatewayBypasses(result, { gateways: { httpClient: 'src/lib/**', validation: 'src/config/' } });
    expect(gateways.filter(({ inferred }) => !inferred)).toEqual([
      { concern: 'httpClient', gateway: 'src/lib/**', users: 2, inferred: false },
      { concern: 'validation', gateway: 'src/config/', users: 1, inferred: false },
    ]);
    expect(findings.map(({ rule, from, to }) => `${rule} ${from} ${to}`)).toEqual([
      'gateway-http-client src/routes/billing.ts got',
      'gateway-logger src/routes/billing.ts winston',
      'gateway-validation src/routes/products.ts zod',
    ]);
  });
});

describe('findConventionOutliers', () => {
  it('reports the route that skips the auth middleware three of its four siblings import, not the barrel', () => {
    expect(findConventionOutliers(result)).toEqual([
      {
        rule: 'convention-by-analogy',
        from: 'src/routes/billing.ts',
        to: 'src/middleware/auth.ts',
        message:
          '3 of the 4 modules in `src/routes/` import `src/middleware/auth.ts`; this one does not. If it should be protected or handled like its siblings (authentication, error handling, validation), import it; if it is the deliberate exception, record it in the baseline with the reason.',
      },
    ]);
  });

  it('needs enough siblings and a large enough share, and only considers cross-cutting modules by default', () => {
    expect(findConventionOutliers(result, { minSiblings: 5 })).toEqual([]);
    expect(findConventionOutliers(result, { threshold: 0.8 })).toEqual([]);
    // Every local module: 3 of 4 routes also use the logger; billing logs with winston directly.
    expect(findConventionOutliers(result, { concernPattern: null }).map(({ from, to }) => `${from} → ${to}`)).toEqual([
      'src/routes/billing.ts → src/lib/logger.ts',
      'src/routes/billing.ts → src/middleware/auth.ts',
    ]);
  });
});

describe('findUntestedModules', () => {
  it('lists the application modules no test file reaches, once over the graph', () => {
    expect(findUntestedModules(result).map(({ from }) => from)).toEqual([
      'src/config/env.ts',
      'src/lib/http.ts',
      'src/middleware/error-handler.ts',
      'src/routes/billing.ts',
      'src/routes/index.ts',
      'src/routes/orders.ts',
      'src/routes/products.ts',
      'src/server.ts',
      'src/services/report.ts',
    ]);
  });

  it('reports nothing when the cruise holds no test file', () => {
    expect(findUntestedModules({ modules: [{ source: 'src/a.ts', dependencies: [] }] })).toEqual([]);
  });
});
