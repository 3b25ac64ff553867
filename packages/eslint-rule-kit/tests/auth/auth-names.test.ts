import { describe, expect, it } from 'vitest';

import { isAuthName } from '../../src/frameworks/auth/auth-names.js';

describe('isAuthName', () => {
  it('recognises auth middleware and session helpers by name', () => {
    for (const name of ['requireAuth', 'isLoggedIn', 'ensureAuthenticated', 'passport.authenticate', 'verifyJWT', 'protect', 'auth.required', 'getServerSession', 'currentUser', 'getUser', 'isAdmin']) {
      expect(isAuthName(name), name).toBe(true);
    }
  });

  it('does not take data access or validation for auth', () => {
    for (const name of ['validate', 'asyncHandler', 'express.json', 'upload.single', 'getUserById']) {
      expect(isAuthName(name), name).toBe(false);
    }
    // Only the last segment counts for calls in a handler body.
    expect(isAuthName('prisma.user.findMany', [], true)).toBe(false);
    expect(isAuthName('User.findById', [], true)).toBe(false);
  });

  it('accepts configured names, whole or by last segment', () => {
    expect(isAuthName('gatekeeper', ['gatekeeper'])).toBe(true);
    expect(isAuthName('security.gatekeeper', ['gatekeeper'])).toBe(true);
  });
});
