import { describe, expect, it, vi } from 'vitest';

vi.mock('../src/lib/db', () => ({ prisma: {} }));
vi.mock('../src/lib/stripe', () => ({ stripe: {} }));

const { calculateShipping } = await import('../src/routes/checkout');

describe('calculateShipping', () => {
  it('charges the minimum for light parcels', () => {
    expect(calculateShipping(0.5)).toBe(500);
  });

  it('charges per started kilogram rate above the minimum', () => {
    expect(calculateShipping(10)).toBe(1200);
  });
});
