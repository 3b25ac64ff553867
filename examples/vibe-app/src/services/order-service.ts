import { PrismaClient } from '@prisma/client';
import request from 'request-promise-native';

import { getUserProfile } from './user-service';

const prisma = new PrismaClient();

export async function getOrdersWithOwner(userId: string) {
  const orders = await prisma.order.findMany({ where: { userId } });
  const rates = await request({ uri: 'https://api.exchangerate.host/latest', json: true });
  return { owner: await getUserProfile(userId), orders, rates };
}

export async function countOrders(userId: string) {
  return prisma.order.count({ where: { userId } });
}
