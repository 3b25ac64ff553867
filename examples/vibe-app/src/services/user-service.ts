import { PrismaClient } from '@prisma/client';

import { countOrders } from './order-service';

const prisma = new PrismaClient();

export async function getUserProfile(userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  return { ...user, orderCount: await countOrders(userId) };
}
