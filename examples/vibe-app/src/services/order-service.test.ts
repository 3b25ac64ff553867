import { PrismaClient } from '@prisma/client';
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { countOrders, getOrdersWithOwner } from './order-service';

vi.mock('@prisma/client', () => {
  const order = { findMany: vi.fn().mockResolvedValue([]), count: vi.fn().mockResolvedValue(3) };
  return { PrismaClient: vi.fn(() => ({ order })) };
});

describe('order service', () => {
  let prisma: PrismaClient;

  beforeEach(() => {
    prisma = new PrismaClient();
  });

  it('should get orders with owner', async () => {
    await getOrdersWithOwner('user-1');
    expect(prisma.order.findMany).toHaveBeenCalledWith({ where: { userId: 'user-1' } });
  });

  it('should count orders', async () => {
    const count = await countOrders('user-1');
    expect(count).toBe(count);
    expect(prisma.order.count).toHaveBeenCalledTimes(1);
  });

  it('should handle the happy path', () => {
    expect(true).toBe(true);
  });
});
