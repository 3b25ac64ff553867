import { describe, expect, it, vi } from 'vitest';

import { getUserProfile } from './user-service';

vi.mock('./user-service', () => ({
  getUserProfile: vi.fn().mockResolvedValue({ id: 'user-1', name: 'Ada' }),
}));

describe('getUserProfile', () => {
  it('returns the profile', async () => {
    const profile = await getUserProfile('user-1');
    expect(profile).toEqual({ id: 'user-1', name: 'Ada' });
  });
});
