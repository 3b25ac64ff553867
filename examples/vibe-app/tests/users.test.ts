import { describe, expect, it, vi } from 'vitest';

vi.mock('../src/lib/db');

describe('users', () => {
  it('works', async () => {
    const save = vi.fn();
    save({ name: 'Ada' });
    expect(save).toHaveBeenCalled();
  });
});
