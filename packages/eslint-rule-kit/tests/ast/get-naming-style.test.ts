import { describe, expect, it } from 'vitest';

import { getNamingStyle } from '../../src/ast/get-naming-style.js';

describe('getNamingStyle', () => {
  it('names each case convention', () => {
    expect(getNamingStyle('fetchUserData')).toBe('camelCase');
    expect(getNamingStyle('getURL')).toBe('camelCase');
    expect(getNamingStyle('UserService')).toBe('PascalCase');
    expect(getNamingStyle('get_user_data')).toBe('snake_case');
    expect(getNamingStyle('MAX_RETRIES')).toBe('UPPER_CASE');
    expect(getNamingStyle('user-service')).toBe('kebab-case');
  });

  it('calls a single lowercase word `lowercase`, fitting every case style', () => {
    expect(getNamingStyle('users')).toBe('lowercase');
    expect(getNamingStyle('_internal')).toBe('lowercase');
  });

  it('ignores leading and trailing `_` and `$`', () => {
    expect(getNamingStyle('_fetchUser')).toBe('camelCase');
    expect(getNamingStyle('$get_user')).toBe('snake_case');
  });

  it('answers `undefined` for mixed and one-letter names', () => {
    expect(getNamingStyle('get_UserData')).toBeUndefined();
    expect(getNamingStyle('x')).toBeUndefined();
    expect(getNamingStyle('__')).toBeUndefined();
  });
});
