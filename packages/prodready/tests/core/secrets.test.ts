import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { findSecretsInConfigFiles, scanText } from '../../src/core/secrets.js';

// Built from parts so this file is not itself a committed key for scanners.
const STRIPE = ['sk', 'live', '51HxQ2eLkq8Vb3NzT7wYp0aRc'].join('_');
const AWS = `AKIA${'Q3J7XK2PLM4RT6VW'}`;
const GITHUB = `ghp_${'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'}`;

describe('scanText', () => {
  it('finds known key formats with their position', () => {
    expect(scanText(`{\n  "stripe": "${STRIPE}",\n  "aws": "${AWS}"\n}`, 'config/prod.json')).toEqual([
      { file: 'config/prod.json', line: 2, column: 14, endColumn: 14 + STRIPE.length, kind: 'a Stripe live secret key' },
      { file: 'config/prod.json', line: 3, column: 11, endColumn: 11 + AWS.length, kind: 'an AWS access key' },
    ]);
    expect(scanText(`token: ${GITHUB}`, '.github/workflows/ci.yml').map((hit) => hit.kind)).toEqual(['a GitHub token']);
    const body = 'MIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi7Q2n8kT0vL1xYw4bN5cHq6sDfGhJkLmNoPqRsTuVwXyZ';
    expect(scanText(`{"key": "-----BEGIN RSA PRIVATE KEY-----\\n${body}\\n-----END RSA PRIVATE KEY-----"}`, 'key.json').map((hit) => hit.kind)).toEqual(['a private key']);
    expect(scanText(`-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`, 'key.yml').map((hit) => hit.kind)).toEqual(['a private key']);
  });

  it('finds a database URL with a password on a real host', () => {
    expect(scanText('DATABASE_URL=postgres://app:Zx81kqPw@db.eu-west-1.rds.amazonaws.com:5432/app', '.env.production').map((hit) => hit.kind)).toEqual([
      'a database URL with a password',
    ]);
  });

  it('skips placeholders, test keys and local databases', () => {
    const text = [
      'STRIPE_SECRET_KEY=sk_live_XXXXXXXXXXXXXXXXXXXXXXXX',
      'STRIPE_TEST=sk_test_51HxQ2eLkq8Vb3NzT7wYp0aRc',
      'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE',
      'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app',
      'DATABASE_URL=postgres://postgres:postgres@db:5432/app',
      'DATABASE_URL=postgres://user:${DB_PASSWORD}@prod.example.com/app',
      'MONGO_URL=mongodb+srv://user:<password>@cluster0.abcde.mongodb.net/app',
      'POSTGRES_URL="postgres://postgres.[USERNAME]:[PASSWORD]@aws-0-eu-central-1.pooler.supabase.com:6543/postgres"',
      'OAUTH_PRIVATE_KEY="-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----"',
      'GITHUB_APP_PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\\nMIIEpAIBAAKCAQEA\\n-----END RSA PRIVATE KEY-----"',
    ].join('\n');
    expect(scanText(text, '.env.example')).toEqual([]);
  });
});

describe('findSecretsInConfigFiles', () => {
  it('walks config files, skipping ignored files, dependencies and fixtures', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'prodready-secrets-'));
    for (const folder of ['config', 'node_modules/pkg', 'tests/fixtures', '.github/workflows']) mkdirSync(join(cwd, folder), { recursive: true });
    writeFileSync(join(cwd, 'config/default.yml'), `stripe: ${STRIPE}\n`);
    writeFileSync(join(cwd, '.github/workflows/ci.yml'), `env:\n  TOKEN: ${GITHUB}\n`);
    writeFileSync(join(cwd, '.env'), `AWS_KEY=${AWS}\n`);
    writeFileSync(join(cwd, 'node_modules/pkg/config.json'), `{"k":"${STRIPE}"}`);
    writeFileSync(join(cwd, 'tests/fixtures/keys.json'), `{"k":"${STRIPE}"}`);
    writeFileSync(join(cwd, 'src.ts'), `const k = '${STRIPE}';`);
    const hits = findSecretsInConfigFiles(cwd, (path) => path === '.env');
    expect(hits.map(({ file, line }) => `${file}:${line}`).sort()).toEqual(['.github/workflows/ci.yml:2', 'config/default.yml:1']);
  });
});
