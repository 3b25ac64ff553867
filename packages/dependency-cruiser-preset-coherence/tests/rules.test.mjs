import { describe, expect, it } from 'vitest';

import preset, { createCoherencePreset } from '../index.mjs';
import noLegacyRequestLibraries from '../rules/no-legacy-request-libraries.mjs';
import noOrmInUi from '../rules/no-orm-in-ui.mjs';
import noRouteImportingRoute from '../rules/no-route-importing-route.mjs';
import { cruiseFixture } from './cruise-fixture.mjs';

describe('no-legacy-request-libraries', () => {
  it('reports request, its promise wrappers and node-fetch 2, not node-fetch 3, type imports, tests or a local ./request', async () => {
    // legacy-http/modern resolves node-fetch 3 (code in src/), which is not reported.
    expect(await cruiseFixture('legacy-http', preset, [noLegacyRequestLibraries])).toEqual([
      { rule: 'no-legacy-request-libraries', severity: 'warn', from: 'src/services/billing.ts', to: 'node_modules/request-promise-native/index.js' },
      { rule: 'no-legacy-request-libraries', severity: 'warn', from: 'src/services/billing.ts', to: 'node_modules/request/index.js' },
      { rule: 'no-legacy-request-libraries', severity: 'warn', from: 'src/services/weather.ts', to: 'node_modules/node-fetch/lib/index.js' },
    ]);
  });
});

describe('no-orm-in-ui', () => {
  it('reports components, hooks and *.client files importing an ORM or driver at runtime', async () => {
    // Not reported: `import type` (UserCard.tsx), an elided type import (Badge.tsx), a story,
    // src/lib/db.ts, and an import of a package that is not installed (DbStatus.tsx).
    expect(await cruiseFixture('ui', preset, [noOrmInUi])).toEqual([
      { rule: 'no-orm-in-ui', severity: 'warn', from: 'app/dashboard/Chart.client.tsx', to: 'node_modules/mysql2/index.js' },
      { rule: 'no-orm-in-ui', severity: 'warn', from: 'src/components/UserList.tsx', to: 'node_modules/@prisma/client/index.js' },
      { rule: 'no-orm-in-ui', severity: 'warn', from: 'src/hooks/useOrders.ts', to: 'node_modules/drizzle-orm/index.js' },
    ]);
  });
});

describe('no-route-importing-route', () => {
  it('reports a controller, route handler or API route importing another, not barrels, base classes, Express routers or type imports', async () => {
    expect(await cruiseFixture('routes', preset, [noRouteImportingRoute])).toEqual([
      { rule: 'no-route-importing-route', severity: 'warn', from: 'app/api/orders/route.ts', to: 'app/api/users/route.ts' },
      { rule: 'no-route-importing-route', severity: 'warn', from: 'pages/api/admin.ts', to: 'pages/api/users.ts' },
      { rule: 'no-route-importing-route', severity: 'warn', from: 'src/controllers/orders.controller.ts', to: 'src/controllers/users.controller.ts' },
    ]);
  });
});

describe('createCoherencePreset', () => {
  it('forbids the other HTTP clients, loggers and ORMs, and drivers outside the data layer', async () => {
    const coherence = createCoherencePreset({ httpClient: 'axios', logger: 'pino', orm: 'prisma', dataLayer: 'src/db/**' });
    // Not reported: axios, pino, pino-http, `import type` from drizzle-orm, pg and @prisma/client in
    // src/db/, a local module named got.ts, and tests.
    expect(await cruiseFixture('choices', coherence)).toEqual([
      { rule: 'no-db-driver-outside-data-layer', severity: 'error', from: 'src/services/report.ts', to: 'node_modules/pg/index.js' },
      { rule: 'one-http-client', severity: 'error', from: 'src/services/proxy.ts', to: 'node_modules/undici/index.js' },
      { rule: 'one-http-client', severity: 'error', from: 'src/services/report.ts', to: 'node_modules/got/index.js' },
      { rule: 'one-logger', severity: 'error', from: 'src/services/report.ts', to: 'node_modules/winston/index.js' },
      { rule: 'one-orm', severity: 'error', from: 'src/services/report.ts', to: 'node_modules/typeorm/index.js' },
    ]);
  });

  it('keeps undici with the global fetch, honours allow and severity, and only adds rules for given options', async () => {
    const coherence = createCoherencePreset({ httpClient: 'fetch', allow: ['got'], severity: 'warn' });
    expect(coherence.forbidden.map((rule) => [rule.name, rule.severity])).toEqual([
      ['no-legacy-request-libraries', 'warn'],
      ['no-orm-in-ui', 'warn'],
      ['no-route-importing-route', 'warn'],
      ['one-http-client', 'warn'],
    ]);
    expect(await cruiseFixture('choices', coherence)).toEqual([
      { rule: 'one-http-client', severity: 'warn', from: 'src/services/report.ts', to: 'node_modules/axios/index.js' },
    ]);
  });

  it('leaves out a rule whose packages are all allowed', () => {
    const coherence = createCoherencePreset({ logger: 'pino', allow: ['bunyan', 'consola', 'log4js', 'loglevel', 'signale', 'tslog', 'winston'] });
    expect(coherence.forbidden.map((rule) => rule.name)).toEqual(['no-legacy-request-libraries', 'no-orm-in-ui', 'no-route-importing-route']);
  });

  it('accepts a folder or an array of globs as the data layer', async () => {
    for (const dataLayer of ['src/db', './src/db/', ['src/db/*.ts'], ['src/repositories/**', 'src/db/**']]) {
      expect(await cruiseFixture('choices', createCoherencePreset({ dataLayer }))).toEqual([
        { rule: 'no-db-driver-outside-data-layer', severity: 'error', from: 'src/services/report.ts', to: 'node_modules/pg/index.js' },
      ]);
    }
  });
});
