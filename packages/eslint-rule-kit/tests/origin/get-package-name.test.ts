import { describe, expect, it } from 'vitest';

import { getPackageName } from '../../src/types/get-origin-from-type.js';

describe('getPackageName', () => {
  it('maps declaration files to the package users import', () => {
    expect(getPackageName('/app/node_modules/pg/lib/index.d.ts')).toBe('pg');
    expect(getPackageName('/app/node_modules/@types/pg/index.d.ts')).toBe('pg');
    expect(getPackageName('/app/node_modules/@types/babel__core/index.d.ts')).toBe('@babel/core');
    expect(getPackageName('/app/node_modules/@prisma/client/index.d.ts')).toBe('@prisma/client');
    expect(getPackageName('/app/node_modules/.prisma/client/index.d.ts')).toBe('@prisma/client');
    expect(getPackageName('/app/node_modules/typescript/lib/lib.dom.d.ts')).toBe('global');
  });

  it('answers undefined for project files', () => {
    expect(getPackageName('/app/src/db.ts')).toBeUndefined();
  });
});
