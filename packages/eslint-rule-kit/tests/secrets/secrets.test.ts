import { describe, expect, it } from 'vitest';

import {
  getSecretFormat,
  hasUrlCredentials,
  isCredentialValue,
  isPublicName,
  isSecretName,
} from '../../src/frameworks/secrets/index.js';

describe('isSecretName', () => {
  it('recognises credential names in any case style', () => {
    for (const name of [
      'JWT_SECRET',
      'jwtSecret',
      'clientSecret',
      'client_secret',
      'password',
      'dbPassword',
      'apiKey',
      'x-api-key',
      'privateKey',
      'ACCESS_TOKEN',
      'authToken',
      'STRIPE_SECRET_KEY',
      'SUPABASE_SERVICE_ROLE_KEY',
      'sessionSecret',
      'encryptionKey',
    ]) {
      expect(isSecretName(name), name).toBe(true);
    }
  });

  it('leaves names about a secret, qualified names and public names alone', () => {
    for (const name of [
      'TOKEN_TTL',
      'JWT_EXPIRES_IN',
      'passwordField',
      'SECRET_ARN',
      'tokenType',
      'nextPageToken',
      'invalidPassword',
      'showPassword',
      'ACCESS_TOKEN_KEY',
      'cacheKey',
      'sortKey',
      'key',
      'credentials',
      'NEXT_PUBLIC_API_KEY',
      'stripePublishableKey',
      'SUPABASE_ANON_KEY',
      'passwordHash',
      'tokenizer',
      'id_token_signing_alg_values_supported',
      'jsonwebtoken',
    ]) {
      expect(isSecretName(name), name).toBe(false);
    }
  });

  it('accepts a bare `_KEY` and `CREDENTIALS` only for environment variables', () => {
    expect(isSecretName('STRIPE_KEY', 'env')).toBe(true);
    expect(isSecretName('GOOGLE_CREDENTIALS', 'env')).toBe(true);
    expect(isSecretName('STRIPE_KEY')).toBe(false);
    expect(isSecretName('CACHE_KEY', 'env')).toBe(false);
    expect(isSecretName('SALT_ROTATION', 'env')).toBe(false);
  });
});

describe('isPublicName', () => {
  it('recognises client-exposed and publishable names', () => {
    expect(isPublicName('NEXT_PUBLIC_SUPABASE_URL')).toBe(true);
    expect(isPublicName('VITE_API_KEY')).toBe(true);
    expect(isPublicName('stripePublishableKey')).toBe(true);
    expect(isPublicName('STRIPE_SECRET_KEY')).toBe(false);
  });
});

describe('isCredentialValue', () => {
  it('counts real and weak credentials', () => {
    for (const value of ['s3cr3t-Pa55!', 'keyboard cat', 'changeme', 'admin123', 'supersecret', 'my_jwt_secret', 'password']) {
      expect(isCredentialValue(value, 'secret'), value).toBe(true);
    }
  });

  it('skips placeholders, prose, names, paths, URLs and hashes', () => {
    for (const value of [
      '',
      'xx',
      'xxxx',
      '****',
      '<your-api-key>',
      'your-api-key',
      'YOUR_API_KEY',
      '${API_KEY}',
      'JWT_SECRET',
      'Password is required.',
      'Enter your password',
      './keys/private.pem',
      'https://auth.example.com/token',
      '$2b$10$abcdefghijklmnopqrstuv',
      'replace-me',
      '^9.0.2',
      'label.change-password',
      'incorrectPassword',
    ]) {
      expect(isCredentialValue(value, 'apiSecret'), value).toBe(false);
    }
  });

  it('treats an identifier-like value under a token or key name as the name of a header or storage key', () => {
    expect(isCredentialValue('x-api-key', 'apiKeyHeaderName')).toBe(false);
    expect(isCredentialValue('accessToken', 'accessToken')).toBe(false);
    expect(isCredentialValue('access_token', 'token')).toBe(false);
    expect(isCredentialValue('my-jwt-secret', 'token')).toBe(true);
  });
});

describe('getSecretFormat', () => {
  it('recognises known key formats', () => {
    expect(getSecretFormat('AKIAZ3MSJV4WWNKWXYZQ')?.label).toBe('AWS access key ID');
    expect(getSecretFormat('sk_live_51HqLyjWDarjtT1zdp7dcXYZ')?.label).toBe('Stripe live secret key');
    expect(getSecretFormat('ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789')?.label).toBe('GitHub token');
    expect(getSecretFormat('xoxb-2636271829-1029384756-aBcDeFgHiJ')?.label).toBe('Slack token');
    expect(getSecretFormat('-----BEGIN RSA PRIVATE KEY-----\nMIIEow')?.label).toBe('private key');
    expect(
      getSecretFormat(
        'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIiwiaXNzIjoic3VwYWJhc2UifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ',
      )?.label,
    ).toBe('signed JSON Web Token');
  });

  it('skips samples, test keys, publishable keys and anon JWTs', () => {
    expect(getSecretFormat('AKIAIOSFODNN7EXAMPLE')).toBeUndefined();
    expect(getSecretFormat('sk_test_51HqLyjWDarjtT1zdp7dcXYZ')).toBeUndefined();
    expect(getSecretFormat('pk_live_51HqLyjWDarjtT1zdp7dcXYZ')).toBeUndefined();
    expect(
      getSecretFormat('eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYW5vbiIsImlzcyI6InN1cGFiYXNlIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ'),
    ).toBeUndefined();
    expect(getSecretFormat('sk-short')).toBeUndefined();
  });
});

describe('hasUrlCredentials', () => {
  it('recognises URLs with a real password', () => {
    expect(hasUrlCredentials('postgres://app:s3cret@db.internal:5432/shop')).toBe(true);
    expect(hasUrlCredentials('mongodb+srv://admin:hunter2@cluster0.mongodb.net/app')).toBe(true);
  });

  it('skips URLs without a password, local databases and placeholders', () => {
    expect(hasUrlCredentials('postgres://db.internal:5432/shop')).toBe(false);
    expect(hasUrlCredentials('postgres://postgres:postgres@localhost:5432/shop')).toBe(false);
    expect(hasUrlCredentials('postgres://user:<password>@db.internal/shop')).toBe(false);
    expect(hasUrlCredentials('postgres://user:password@db.internal/shop')).toBe(false);
  });
});
